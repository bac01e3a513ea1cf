using Waymark.Domain.Transitions;

namespace Waymark.Domain.CommonTransfer;

/// <summary>Values the CTF header and pupil record take from Waymark's data.</summary>
public static class CtfCodes
{
    public const string Version = "25.0";

    public const string DocumentName = "Common Transfer File";

    public const string SupplierId = "Waymark";

    /// <summary>Written in the sharing ledger for every file made.</summary>
    public const string LedgerWhat = "Common transfer file";

    /// <summary>The statutory duty the ledger names as the basis of every file.</summary>
    public const string LegalBasis =
        "Common transfer information for the pupil's next school, under the Education (Pupil Information) (England) Regulations 2005";

    /// <summary>
    /// The header's AcademicYear: the year the academic year starts in, moving on 1 August rather than 1 September,
    /// as the MIS suppliers' CTF exports do, so files made in the summer holiday name the year the pupil is joining.
    /// </summary>
    public static int HeaderAcademicYear(DateOnly date) => date.Month >= 8 ? date.Year : date.Year - 1;

    /// <summary>
    /// The DfE code for a first language held as a name. Waymark holds a language's name as staff recorded it; only
    /// English (ENG) is mapped, and a value already written as a code (three or four capital letters, as a CTF import
    /// brings it) is passed on. Any other name gives null and the language is left out rather than given a guessed code.
    /// </summary>
    public static string? LanguageCode(string? firstLanguage)
    {
        var value = firstLanguage?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Equals("English", StringComparison.OrdinalIgnoreCase))
        {
            return "ENG";
        }

        return value.Length is 3 or 4 && value.All(char.IsAsciiLetterUpper) ? value : null;
    }

    /// <summary>
    /// Why a transition cannot give the receiving school a common transfer file, or null when it can: the file goes to
    /// the school whose place has been accepted, never to a preference or an offer the family may turn down.
    /// </summary>
    public static string? WhyNoFileForTransition(bool hasDestination, DestinationStatus? status) => (hasDestination, status) switch
    {
        (false, _) => "No destination secondary school is recorded",
        (_, not DestinationStatus.Accepted) => "The secondary school place is not yet accepted",
        _ => null,
    };
}

using System.Globalization;
using Waymark.Data.Attendance;
using Waymark.Domain.Attendance;

namespace Waymark.Web.Imports;

/// <summary>
/// The one path an imported register mark takes before it is saved, whichever file it came in: `waymark import attendance`
/// (a CSV row) and `waymark import ctf` (a session of a YearData's AttendanceMarks) both read the code, check the date
/// and gather the mark here, then save the batch with <see cref="AttendanceImporter.SaveMarksAsync"/>. So both refuse
/// the same codes with the same words, and a correction from either is kept in the same history.
/// </summary>
/// <param name="earlier">Where an earlier mark for the same session was, as the file's readers would say it ("on an earlier line").</param>
public sealed class MarkIntake(DateOnly today, string earlier)
{
    /// <summary>The marks gathered so far, one year per pupil, school and academic year.</summary>
    public MarkBatch Batch { get; } = new();

    /// <summary>Codes by their one or two ASCII characters, any case, without hashing: the common path for every mark.</summary>
    private static class CodeTable
    {
        private static readonly AttendanceCode?[] Table = Build();

        public static AttendanceCode? Find(ReadOnlySpan<char> text)
        {
            var trimmed = text.Trim();
            if (trimmed.Length is < 1 or > 2 || trimmed[0] >= 128 || (trimmed.Length == 2 && trimmed[1] >= 128))
            {
                return null;
            }

            return Table[Index(trimmed)];
        }

        private static int Index(ReadOnlySpan<char> code) => (char.ToUpperInvariant(code[0]) * 128) + (code.Length == 2 ? char.ToUpperInvariant(code[1]) : 0);

        private static AttendanceCode?[] Build()
        {
            var table = new AttendanceCode?[128 * 128];
            foreach (var code in AttendanceCodes.All)
            {
                table[Index(code.Code)] = code;
            }

            table[Index("\\")] = AttendanceCodes.Present;
            return table;
        }
    }

    /// <summary>Why a mark cannot be for <paramref name="date"/> whatever its code (a day still to come), or null.</summary>
    public string? DateProblem(DateOnly date) => DateProblem(date, today);

    /// <inheritdoc cref="DateProblem(DateOnly)"/>
    public static string? DateProblem(DateOnly date, DateOnly today) =>
        date > today ? string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} is in the future") : null;

    /// <summary>
    /// The code <paramref name="text"/> means on <paramref name="date"/> (null when the date itself is unusable, so only the
    /// code is checked). Null with <paramref name="problem"/> set when it is empty, unknown or withdrawn by then.
    /// </summary>
    public static AttendanceCode? Code(ReadOnlySpan<char> text, DateOnly? date, out string? problem)
    {
        problem = null;
        var code = CodeTable.Find(text);
        if (code is not null && (date is not { } day || code.IsValidOn(day)))
        {
            return code;
        }

        // The slow path, for its wording: unknown, empty or withdrawn.
        if (date is { } on)
        {
            problem = AttendanceCodes.Problem(text, on, out var parsed);
            return problem is null ? parsed : null;
        }

        var trimmed = text.Trim();
        problem = trimmed.IsEmpty ? "is empty" : $"'{trimmed}' is not an attendance code";
        return null;
    }

    /// <summary>
    /// Adds a checked mark to <see cref="Batch"/>. Returns why it cannot be added (the same session already has a different
    /// code from earlier in the import), or null.
    /// </summary>
    public string? Add(Guid childId, string upn, int schoolId, DateOnly date, Session session, AttendanceCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var before = Batch.Add(childId, schoolId, date, session, code);
        return before != AttendanceCodes.NoMark && before != code.Value
            ? string.Create(CultureInfo.InvariantCulture,
                $"{upn} {date:yyyy-MM-dd} {session} is '{AttendanceCodes.FromValue(before)!.Code}' {earlier} and '{code.Code}' here; give each session one code")
            : null;
    }
}

using System.Collections.Frozen;
using System.Globalization;

namespace Waymark.Domain.Attendance;

/// <summary>
/// The register codes of the School Attendance (Pupil Registration) (England) Regulations 2024, reg 10,
/// with the category DfE statistics give each (standards §2.1), and the codes withdrawn on 19 August 2024
/// that historic registers still hold. The one list of codes in Waymark.
/// </summary>
public static class AttendanceCodes
{
    /// <summary>Stored for a session with no mark.</summary>
    public const byte NoMark = 0;

    public const byte PresentValue = 1;

    /// <summary>The day the 2024 regulations came into force and H, F, J and Y were withdrawn.</summary>
    public static readonly DateOnly Regulations2024 = new(2024, 8, 19);

    private static readonly AttendanceCode[] Codes =
    [
        new(PresentValue, "/", "Present", AttendanceCategory.Present),
        new(2, "L", "Late, arrived before the register closed", AttendanceCategory.Present),
        new(3, "K", "Attending education provision arranged by the local authority", AttendanceCategory.ApprovedEducationalActivity),
        new(4, "V", "Attending an educational visit or trip", AttendanceCategory.ApprovedEducationalActivity),
        new(5, "P", "Participating in a supervised sporting activity", AttendanceCategory.ApprovedEducationalActivity),
        new(6, "W", "Attending work experience", AttendanceCategory.ApprovedEducationalActivity),
        new(7, "B", "Attending any other approved educational activity", AttendanceCategory.ApprovedEducationalActivity),
        new(8, "C1", "Leave of absence for a regulated performance or employment abroad", AttendanceCategory.AuthorisedAbsence),
        new(9, "M", "Leave of absence for a medical or dental appointment", AttendanceCategory.AuthorisedAbsence),
        new(10, "J1", "Leave of absence for an interview", AttendanceCategory.AuthorisedAbsence),
        new(11, "S", "Leave of absence for study leave", AttendanceCategory.AuthorisedAbsence),
        new(12, "X", "Not required to attend: non-compulsory school age", AttendanceCategory.NotCounted),
        new(13, "C2", "Leave of absence: part-time timetable", AttendanceCategory.AuthorisedAbsence),
        new(14, "C", "Leave of absence for exceptional circumstances", AttendanceCategory.AuthorisedAbsence),
        new(15, "T", "Parent travelling for occupational purposes", AttendanceCategory.AuthorisedAbsence),
        new(16, "R", "Religious observance", AttendanceCategory.AuthorisedAbsence),
        new(17, "I", "Illness (not medical or dental appointment)", AttendanceCategory.AuthorisedAbsence),
        new(18, "E", "Suspended or permanently excluded, no alternative provision", AttendanceCategory.AuthorisedAbsence),
        new(19, "Q", "Unable to attend: lack of access arrangements", AttendanceCategory.NotCounted),
        new(20, "Y1", "Unable to attend: transport not available", AttendanceCategory.NotCounted),
        new(21, "Y2", "Unable to attend: widespread disruption to travel", AttendanceCategory.NotCounted),
        new(22, "Y3", "Unable to attend: part of the school premises closed", AttendanceCategory.NotCounted),
        new(23, "Y4", "Unable to attend: whole school site unexpectedly closed", AttendanceCategory.NotCounted),
        new(24, "Y5", "Unable to attend: in criminal justice detention", AttendanceCategory.NotCounted),
        new(25, "Y6", "Unable to attend: public health guidance or law", AttendanceCategory.NotCounted),
        new(26, "Y7", "Unable to attend: any other unavoidable cause", AttendanceCategory.NotCounted),
        new(27, "G", "Holiday not granted by the school", AttendanceCategory.UnauthorisedAbsence),
        new(28, "N", "Reason not yet established", AttendanceCategory.UnauthorisedAbsence),
        new(29, "O", "Absent in other or unknown circumstances", AttendanceCategory.UnauthorisedAbsence),
        new(30, "U", "Arrived after the register closed", AttendanceCategory.UnauthorisedAbsence),
        new(31, "D", "Dual registered: attending the other school", AttendanceCategory.NotCounted),
        new(32, "Z", "Prospective pupil not on the admission register", AttendanceCategory.NotCounted),
        new(33, "#", "Planned whole-school closure", AttendanceCategory.NotCounted),
        new(34, "H", "Holiday authorised by the school (withdrawn 2024)", AttendanceCategory.AuthorisedAbsence, Regulations2024),
        new(35, "F", "Extended family holiday (withdrawn 2024)", AttendanceCategory.AuthorisedAbsence, Regulations2024),
        new(36, "J", "Interview (withdrawn 2024)", AttendanceCategory.ApprovedEducationalActivity, Regulations2024),
        new(37, "Y", "Unable to attend: enforced closure (withdrawn 2024)", AttendanceCategory.NotCounted, Regulations2024),
    ];

    private static readonly AttendanceCode?[] ByValue = BuildByValue();

    private static readonly FrozenDictionary<string, AttendanceCode> ByCode = Codes
        .ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase)
        .Append(new KeyValuePair<string, AttendanceCode>("\\", Codes[0]))
        .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, AttendanceCode>.AlternateLookup<ReadOnlySpan<char>> ByCodeSpan =
        ByCode.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyList<AttendanceCode> All => Codes;

    public static AttendanceCode Present => Codes[0];

    public static AttendanceCode Illness => Get("I");

    public static AttendanceCode NotYetEstablished => Get("N");

    public static AttendanceCode PartTimeTimetable => Get("C2");

    public static AttendanceCode Suspended => Get("E");

    /// <summary>The code stored as <paramref name="value"/>, or null for <see cref="NoMark"/>.</summary>
    public static AttendanceCode? FromValue(byte value) => value < ByValue.Length ? ByValue[value] : null;

    public static AttendanceCode Get(string code) => ByCode[code];

    /// <summary>Case-insensitive; "/" and "\" both mean present.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out AttendanceCode code) =>
        ByCodeSpan.TryGetValue(text.Trim(), out code!);

    /// <summary>Why <paramref name="text"/> cannot be the mark for <paramref name="date"/>, or null when it can.</summary>
    public static string? Problem(ReadOnlySpan<char> text, DateOnly date, out AttendanceCode? code)
    {
        if (!TryParse(text, out var found))
        {
            code = null;
            return text.Trim().IsEmpty ? "is empty" : $"'{text.Trim()}' is not an attendance code";
        }

        code = found;
        return found.IsValidOn(date)
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"'{found.Code}' was withdrawn on {found.WithdrawnFrom:d MMMM yyyy} and cannot be used for {date:d MMMM yyyy}");
    }

    private static AttendanceCode?[] BuildByValue()
    {
        var table = new AttendanceCode?[Codes.Max(c => c.Value) + 1];
        foreach (var code in Codes)
        {
            if (table[code.Value] is not null)
            {
                throw new InvalidOperationException($"Two attendance codes share the stored value {code.Value}.");
            }

            table[code.Value] = code;
        }

        return table;
    }
}

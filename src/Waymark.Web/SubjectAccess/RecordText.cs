using System.Collections;
using System.Globalization;
using System.Text;
using Waymark.Web.Hosting;

namespace Waymark.Web.SubjectAccess;

/// <summary>How the values and names of a child's record are written: exactly for CSV, for people in the HTML page.</summary>
internal static class RecordText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Headings for the tables people know by another name; any other table is named from its own name.</summary>
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["Children"] = "The child's details",
        ["FormerUpns"] = "Former UPNs",
        ["Enrolments"] = "Schools (enrolments)",
        ["SchoolHistoryEntries"] = "School history (from Common Transfer Files)",
        ["ChildAddresses"] = "Address (from Common Transfer Files)",
        ["ChildContacts"] = "Contacts (from Common Transfer Files)",
        ["ChildContactPhones"] = "Contacts' telephone numbers",
        ["ChildStatuses"] = "Statuses (for example child in need, looked after, EHC plan)",
        ["KeyPeople"] = "Key people",
        ["Transitions"] = "Transition to secondary school",
        ["DestinationChanges"] = "Changes of secondary school",
        ["ProfileSections"] = "Transition Planning Profile",
        ["ProfileSectionChanges"] = "Changes to the Transition Planning Profile",
        ["SupportPlanActions"] = "Transition support plan actions",
        ["PcpMeetings"] = "Person-centred planning meetings",
        ["PcpInvitees"] = "People invited to planning meetings",
        ["PcpActions"] = "Actions agreed at planning meetings",
        ["FollowUpReviews"] = "Year 7 follow-up reviews",
        ["InterventionEnrolments"] = "Interventions",
        ["Consents"] = "Consents",
        ["InformationShares"] = "Information shared with schools",
        ["AttendanceYears"] = "Attendance",
        ["AttendanceMarkChanges"] = "Corrections to attendance marks",
        ["Suspensions"] = "Suspensions and exclusions",
        ["ReducedTimetables"] = "Reduced timetables",
        ["ReducedTimetableReviews"] = "Reviews of reduced timetables",
        ["AttendanceSupportPlans"] = "Attendance support plans",
        ["AttendanceAlerts"] = "Attendance worklist alerts",
        ["Notifications"] = "Notifications to staff about the child",
        ["LegalHolds"] = "Legal holds",
    };

    /// <summary>The order areas appear in the page; a table not named here follows them, in the model's order.</summary>
    public static int Order(string table)
    {
        var index = Titles.Keys.ToList().IndexOf(table);
        return index < 0 ? int.MaxValue : index;
    }

    public static string Title(string table) => Titles.TryGetValue(table, out var title) ? title : Sentence(table);

    /// <summary>"ChildStatuses" → "child-statuses", for file names and anchors.</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>"RecordedAtUtc" → "Recorded at", "Upn" → "UPN": a column heading for people.</summary>
    public static string Heading(string property)
    {
        if (property.EndsWith("Utc", StringComparison.Ordinal) && property.Length > 3)
        {
            property = property[..^3];
        }

        return property switch
        {
            "Id" => "Id",
            "Upn" => "UPN",
            _ => Sentence(property).Replace(" upn", " UPN", StringComparison.Ordinal).Replace("Pcp ", "Planning meeting ", StringComparison.Ordinal),
        };
    }

    private static string Sentence(string name)
    {
        var words = Kebab(name).Split('-', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words);
        return text.Length == 0 ? name : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>A stored value exactly and without locale: ISO dates, UTC times, invariant numbers, enum names.</summary>
    public static string ForCsv(object? value) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Guid g => g.ToString("D"),
        byte[] bytes => Convert.ToBase64String(bytes),
        IDictionary<string, string> answers => string.Join("\n", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}")),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join("\n", items.Cast<object?>().Select(ForCsv)),
        _ => value.ToString() ?? "",
    };

    /// <summary>A stored value as a person reads it: "3 March 2027", "3 March 2027 at 2:05pm" (UK time), "Yes".</summary>
    public static string ForPeople(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("d MMMM yyyy", English),
        DateTime t => UkClock.UkDateTime(t),
        TimeOnly t => t.ToString("h:mmtt", English).ToLowerInvariant(),
        bool b => b ? "Yes" : "No",
        Enum e => Sentence(e.ToString()),
        decimal m => m.ToString("0.##", English),
        _ => ForCsv(value),
    };
}

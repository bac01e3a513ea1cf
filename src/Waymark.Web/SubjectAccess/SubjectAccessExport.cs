using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Waymark.Data;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Data.Records;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Identifiers;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Exports;
using Waymark.Web.Hosting;

namespace Waymark.Web.SubjectAccess;

/// <summary>Who asked for a bundle, and how: named in its README and in the audit.</summary>
public sealed record SubjectAccessRequester(string Name, string Role, string Via);

/// <summary>One area of the record and how many rows it holds, for the page that shows what a bundle will include.</summary>
public sealed record SubjectAccessArea(string Title, string Table, int Rows);

public sealed record SubjectAccessPreview(Child Child, IReadOnlyList<SubjectAccessArea> Areas, int Marks, int AccessEvents);

public sealed record SubjectAccessBundle(byte[] Zip, string FileName, string Summary);

/// <summary>
/// Everything Waymark holds about one child, with who has seen or changed it, as a zip of a readable HTML page
/// and one CSV per table. The tables come from <see cref="ChildRecordGraph"/>, so nothing is left out by omission.
/// The command line and the administrators' page both use this, and every bundle is audited.
/// </summary>
public sealed class SubjectAccessExport(WaymarkDbContext db, Auditor auditor, TimeProvider clock)
{
    public const string MarksFile = "attendance-marks.csv";

    public const string AccessHistoryFile = "access-history.csv";

    /// <summary>Properties never written to a bundle, whatever table they turn up in.</summary>
    private static readonly string[] SecretNames = ["Password", "SecurityStamp", "ConcurrencyStamp", "Token", "Secret"];

    // Spreadsheets read a CSV as UTF-8 only with the byte order mark; the page and README need none.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A child by Waymark id (a GUID) or by UPN, current or former; null when there is none.</summary>
    public Task<Guid?> FindAsync(string idOrUpn, CancellationToken ct = default) => ChildLookup.FindAsync(db, idOrUpn, ct);

    public async Task<SubjectAccessPreview?> PreviewAsync(Guid childId, CancellationToken ct = default)
    {
        var record = await ChildRecordGraph.ReadAsync(db, childId, ct);
        if (record is null)
        {
            return null;
        }

        var areas = Areas(record).Select(t => new SubjectAccessArea(RecordText.Title(t.Table.Name), t.Table.Name, t.Count)).ToList();
        var marks = record.Find(typeof(AttendanceYear))?.Entities<AttendanceYear>().Sum(y => MarksOf(y).Count()) ?? 0;
        var events = await db.AuditEvents.CountAsync(e => e.ChildId == childId, ct);
        return new SubjectAccessPreview(record.Child, areas, marks, events);
    }

    /// <summary>Builds the bundle and audits it; null when there is no such child.</summary>
    public async Task<SubjectAccessBundle?> ExportAsync(Guid childId, SubjectAccessRequester requester, string? reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var record = await ChildRecordGraph.ReadAsync(db, childId, ct);
        if (record is null)
        {
            return null;
        }

        var madeAt = clock.GetUtcNow().UtcDateTime;
        var names = await ReferenceNamesAsync(record, ct);
        var history = await AccessHistoryAsync(childId, ct);
        var tables = record.Tables.Select(t => new TableView(t, ColumnsOf(t.Table, names))).ToList();
        var years = record.Find(typeof(AttendanceYear))?.Entities<AttendanceYear>().OrderBy(y => y.AcademicYear).ThenBy(y => y.SchoolId).ToList() ?? [];
        var marks = years.SelectMany(y => MarksOf(y).Select(m => (Year: y, m.Date, m.Session, m.Code))).ToList();

        var child = record.Child;
        var fileName = string.Create(CultureInfo.InvariantCulture,
            $"subject-access-{(child.Upn ?? child.Id.ToString("D"))}-{UkClock.UkToday(clock):yyyyMMdd}.zip");
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{record.RowCount:N0} rows from {record.Tables.Count(t => t.Count > 0)} of {record.Tables.Count} tables, {marks.Count:N0} attendance marks and {history.Count:N0} access events");

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "README.txt", Readme(child, requester, reference, madeAt, tables), Utf8);
            Write(zip, "index.html", Html(child, requester, reference, madeAt, tables, years, names, history), Utf8);
            foreach (var table in tables)
            {
                Write(zip, CsvName(table.Rows.Table), CsvOf(table), Utf8WithBom);
            }

            Write(zip, MarksFile, MarksCsv(marks, names), Utf8WithBom);
            Write(zip, AccessHistoryFile, HistoryCsv(history), Utf8WithBom);
        }

        auditor.Record(AuditActions.SubjectAccessExported, childId,
            $"reference: {(string.IsNullOrWhiteSpace(reference) ? "(none)" : reference)}; {fileName}: {summary}; via {requester.Via}");
        await db.SaveChangesAsync(ct);
        return new SubjectAccessBundle(buffer.ToArray(), fileName, summary);
    }

    /// <summary>The file each table of the record is written to, e.g. "child-statuses.csv".</summary>
    public static string CsvName(ChildRecordTable table) => RecordText.Kebab(table.Name) + ".csv";

    public static bool IsSecret(IProperty property) =>
        SecretNames.Any(s => property.Name.Contains(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The areas of the page in reading order: the child's details first, then by <see cref="RecordText.Order"/>.</summary>
    private static IEnumerable<ChildRecordRows> Areas(ChildRecord record) =>
        record.Tables.Select((t, i) => (t, i)).OrderBy(x => RecordText.Order(x.t.Table.Name)).ThenBy(x => x.i).Select(x => x.t);

    private static IEnumerable<(DateOnly Date, Session Session, AttendanceCode Code)> MarksOf(AttendanceYear year)
    {
        var academicYear = new AcademicYear(year.AcademicYear);
        return new YearMarks(academicYear, year.Marks).Marked(academicYear.Start, academicYear.End);
    }

    // --- Names for the ids a record refers to outside itself (people, schools, interventions) -------------

    private enum Reference
    {
        User,
        School,
        Intervention,
    }

    private sealed class ReferenceNames
    {
        public Dictionary<string, string> Users { get; } = new(StringComparer.Ordinal);

        public Dictionary<int, string> Schools { get; } = [];

        public Dictionary<int, string> Interventions { get; } = [];

        public string? Name(Reference kind, object? id) => (kind, id) switch
        {
            (_, null) => null,
            (Reference.User, string u) => Users.GetValueOrDefault(u, "(unknown account)"),
            (Reference.School, int s) => Schools.GetValueOrDefault(s, "(unknown school)"),
            (Reference.Intervention, int i) => Interventions.GetValueOrDefault(i, "(unknown intervention)"),
            _ => null,
        };
    }

    private static Reference? ReferenceOf(IProperty property)
    {
        var principal = property.GetContainingForeignKeys().FirstOrDefault(fk => fk.Properties.Count == 1)?.PrincipalEntityType.ClrType;
        if (principal == typeof(WaymarkUser) || (principal is null && property.ClrType == typeof(string) && property.Name.EndsWith("UserId", StringComparison.Ordinal)))
        {
            return Reference.User;
        }

        if (principal == typeof(School) || (principal is null && property.Name.EndsWith("SchoolId", StringComparison.Ordinal) && (property.ClrType == typeof(int) || property.ClrType == typeof(int?))))
        {
            return Reference.School;
        }

        return principal == typeof(Intervention) ? Reference.Intervention : null;
    }

    private async Task<ReferenceNames> ReferenceNamesAsync(ChildRecord record, CancellationToken ct)
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        var schools = new HashSet<int>();
        var interventions = new HashSet<int>();
        foreach (var rows in record.Tables)
        {
            foreach (var property in rows.Table.Columns)
            {
                if (ReferenceOf(property) is not { } kind)
                {
                    continue;
                }

                foreach (var value in rows.Rows.Select(r => r[property]).OfType<object>())
                {
                    _ = kind switch
                    {
                        Reference.User => users.Add((string)value),
                        Reference.School => schools.Add((int)value),
                        _ => interventions.Add((int)value),
                    };
                }
            }
        }

        var names = new ReferenceNames();
        var userList = users.ToList();
        foreach (var u in await db.Users.AsNoTracking().Where(u => userList.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Role }).ToListAsync(ct))
        {
            names.Users[u.Id] = $"{u.DisplayName} ({Roles.DisplayName(u.Role)})";
        }

        var schoolList = schools.ToList();
        foreach (var s in await db.Schools.AsNoTracking().Where(s => schoolList.Contains(s.Id)).Select(s => new { s.Id, s.Name, s.Urn }).ToListAsync(ct))
        {
            names.Schools[s.Id] = string.Create(CultureInfo.InvariantCulture, $"{s.Name} (URN {s.Urn})");
        }

        var interventionList = interventions.ToList();
        foreach (var i in await db.Interventions.AsNoTracking().Where(i => interventionList.Contains(i.Id)).Select(i => new { i.Id, i.Name }).ToListAsync(ct))
        {
            names.Interventions[i.Id] = i.Name;
        }

        return names;
    }

    // --- Columns --------------------------------------------------------------------------------------------

    /// <summary>One column of a table as written: a stored property, or the name of what an id refers to.</summary>
    private sealed record Column(string Header, Func<ChildRecordRow, object?> Value);

    private sealed record TableView(ChildRecordRows Rows, IReadOnlyList<Column> Columns);

    private static List<Column> ColumnsOf(ChildRecordTable table, ReferenceNames names)
    {
        var columns = new List<Column>();
        foreach (var property in table.Columns.Where(p => !IsSecret(p)))
        {
            if (table.ClrType == typeof(AttendanceYear) && property.Name == nameof(AttendanceYear.Marks))
            {
                // 732 bytes mean nothing to a reader: the marks are written out one per row instead.
                columns.Add(new Column("Marks", r => string.Create(CultureInfo.InvariantCulture,
                    $"{MarksOf((AttendanceYear)r.Entity).Count()} marks, listed in {MarksFile}")));
                continue;
            }

            var p = property;
            columns.Add(new Column(p.Name, r => r[p]));
            if (ReferenceOf(p) is { } kind)
            {
                var header = p.Name.EndsWith("Id", StringComparison.Ordinal) ? p.Name[..^2] : p.Name + "Name";
                columns.Add(new Column(header, r => names.Name(kind, r[p])));
            }
        }

        return columns;
    }

    // --- CSV ------------------------------------------------------------------------------------------------

    private static string CsvOf(TableView table)
    {
        var text = new StringBuilder();
        text.Append(Csv.Row(table.Columns.Select(c => c.Header))).Append("\r\n");
        foreach (var row in table.Rows.Rows)
        {
            text.Append(Csv.Row(table.Columns.Select(c => RecordText.ForCsv(c.Value(row))))).Append("\r\n");
        }

        return text.ToString();
    }

    private static string MarksCsv(IEnumerable<(AttendanceYear Year, DateOnly Date, Session Session, AttendanceCode Code)> marks, ReferenceNames names)
    {
        var text = new StringBuilder();
        text.Append(Csv.Row("AttendanceYearId", "AcademicYear", "SchoolId", "School", "Date", "Session", "Code", "Meaning", "Category")).Append("\r\n");
        foreach (var m in marks)
        {
            text.Append(Csv.Row(
                m.Year.Id.ToString(CultureInfo.InvariantCulture), new AcademicYear(m.Year.AcademicYear).ToString(),
                m.Year.SchoolId.ToString(CultureInfo.InvariantCulture), names.Name(Reference.School, m.Year.SchoolId),
                RecordText.ForCsv(m.Date), m.Session.ToString(), m.Code.ShownFor(m.Session), m.Code.Meaning, m.Code.Category.ToString())).Append("\r\n");
        }

        return text.ToString();
    }

    private sealed record AccessEvent(DateTime OccurredAtUtc, string? UserName, string? UserRole, string Action, string? Detail);

    private async Task<List<AccessEvent>> AccessHistoryAsync(Guid childId, CancellationToken ct)
    {
        var rows = await db.AuditEvents.AsNoTracking().Where(e => e.ChildId == childId)
            .OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.OccurredAtUtc, e.Action, e.Detail,
                User = db.Users.Where(u => u.Id == e.UserId).Select(u => new { u.DisplayName, u.Role }).FirstOrDefault(),
                e.UserId,
            })
            .ToListAsync(ct);

        // Integrations reading through the API are named as such, with the role they act as (docs/api.md).
        var integrationIds = rows.Select(r => Waymark.Data.Auditing.IntegrationActors.IntegrationOf(r.UserId)).OfType<Guid>().Distinct().ToList();
        var integrations = await db.ApiIntegrations.AsNoTracking().Where(i => integrationIds.Contains(i.Id))
            .ToDictionaryAsync(i => Waymark.Data.Auditing.IntegrationActors.ActorId(i.Id), i => (Name: $"{i.Name} (API integration)", i.Role), ct);
        return rows.Select(r =>
        {
            var integration = r.UserId is not null && integrations.TryGetValue(r.UserId, out var found) ? found : ((string Name, Role Role)?)null;
            return new AccessEvent(r.OccurredAtUtc,
                r.User?.DisplayName ?? integration?.Name ?? (r.UserId is null ? "Command line or system" : "(unknown account)"),
                r.User is not null ? Roles.DisplayName(r.User.Role) : integration is { } i ? Roles.DisplayName(i.Role) : null, r.Action, r.Detail);
        }).ToList();
    }

    private static string HistoryCsv(IEnumerable<AccessEvent> history)
    {
        var text = new StringBuilder();
        text.Append(Csv.Row("OccurredAtUtc", "UserName", "UserRole", "Action", "Detail")).Append("\r\n");
        foreach (var e in history)
        {
            text.Append(Csv.Row(RecordText.ForCsv(e.OccurredAtUtc), e.UserName, e.UserRole, e.Action, e.Detail)).Append("\r\n");
        }

        return text.ToString();
    }

    // --- README ---------------------------------------------------------------------------------------------

    private static string Readme(Child child, SubjectAccessRequester requester, string? reference, DateTime madeAt, IReadOnlyList<TableView> tables)
    {
        var text = new StringBuilder();
        text.AppendLine("Waymark subject access bundle");
        text.AppendLine("=============================");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Child:     {child.LegalName}, born {child.DateOfBirth.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"UPN:       {child.Upn ?? "not known"}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Waymark id: {child.Id:D}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Made:      {UkClock.UkDateTime(madeAt)} (UK time) by {requester.Name}, {requester.Role}, {requester.Via}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Reference: {(string.IsNullOrWhiteSpace(reference) ? "none given" : reference)}");
        text.AppendLine();
        text.AppendLine("This bundle holds everything Waymark held about the child when it was made, for a subject");
        text.AppendLine("access request under Article 15 of the UK GDPR.");
        text.AppendLine();
        text.AppendLine("  index.html          the whole record as one page to read or print, with a contents list");
        text.AppendLine("  access-history.csv  every recorded view of or change to the child's record: when, who, what");
        text.AppendLine("  attendance-marks.csv every register mark, one row per session, with its meaning");
        foreach (var table in tables)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {CsvName(table.Rows.Table),-19} {RecordText.Title(table.Rows.Table.Name)} ({table.Rows.Count} rows)");
        }

        text.AppendLine();
        text.AppendLine("Times in the CSV files are UTC; in index.html they are UK time. CSV cells that start with =, +, -, @,");
        text.AppendLine("a tab or a carriage return have an apostrophe added so that spreadsheets show them as text.");
        text.AppendLine();
        text.AppendLine("BEFORE DISCLOSURE: the council must review the whole bundle. It may hold information about other");
        text.AppendLine("people (family members, other children, staff and other professionals) that must be removed or");
        text.AppendLine("withheld unless they consent or it is reasonable to disclose it, and information covered by the");
        text.AppendLine("exemptions in Schedules 2 and 3 to the Data Protection Act 2018, such as social work, health or");
        text.AppendLine("education data whose disclosure would be likely to cause serious harm, or safeguarding information.");
        text.AppendLine("Do not send this bundle to the requester as it stands.");
        return text.ToString();
    }

    // --- HTML -----------------------------------------------------------------------------------------------

    private const int ColumnsForOneTable = 6;

    private const string Style = """
        body { font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.4; color: #0b0c0c; margin: 0; }
        main { max-width: 1100px; margin: 0 auto; padding: 20px; }
        h1 { font-size: 32px; margin: 0 0 15px; } h2 { font-size: 24px; margin: 40px 0 10px; border-top: 2px solid #b1b4b6; padding-top: 15px; }
        h3 { font-size: 19px; margin: 25px 0 10px; }
        table { border-collapse: collapse; margin: 0 0 20px; width: 100%; } caption { text-align: left; font-weight: bold; padding: 5px 0; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 6px 10px 6px 0; text-align: left; vertical-align: top; }
        table.fields th { width: 30%; } td { white-space: pre-wrap; overflow-wrap: anywhere; }
        .warning { border-left: 10px solid #d4351c; padding: 10px 15px; margin: 20px 0; background: #f3f2f1; }
        .meta { color: #505a5f; } a { color: #1d70b8; } a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
        @media print { h2 { page-break-before: auto; } a { color: #0b0c0c; } }
        """;

    private static string Html(Child child, SubjectAccessRequester requester, string? reference, DateTime madeAt, IReadOnlyList<TableView> tables,
        IReadOnlyList<AttendanceYear> years, ReferenceNames names, IReadOnlyList<AccessEvent> history)
    {
        var areas = tables.Select((t, i) => (t, i)).OrderBy(x => RecordText.Order(x.t.Rows.Table.Name)).ThenBy(x => x.i).Select(x => x.t).ToList();
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Information held about ")
            .Append(E(child.LegalName)).Append(" – Waymark</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>Information held about ").Append(E(child.LegalName)).Append("</h1>\n");
        html.Append("<p class=\"meta\">Made ").Append(E(UkClock.UkDateTime(madeAt))).Append(" by ").Append(E(requester.Name)).Append(", ")
            .Append(E(requester.Role)).Append(", ").Append(E(requester.Via)).Append(". Request reference: ")
            .Append(E(string.IsNullOrWhiteSpace(reference) ? "none given" : reference)).Append(".</p>\n");
        html.Append("<div class=\"warning\"><p><strong>Before disclosure</strong>: the council must review this record for information about other people ")
            .Append("and for the exemptions in Schedules 2 and 3 to the Data Protection Act 2018 (including safeguarding and serious harm). ")
            .Append("Do not send it to the requester as it stands.</p></div>\n");

        html.Append("<h2 id=\"contents\">Contents</h2>\n<ol>\n");
        foreach (var area in areas)
        {
            html.Append("<li><a href=\"#").Append(Anchor(area)).Append("\">").Append(E(RecordText.Title(area.Rows.Table.Name))).Append("</a> (")
                .Append(area.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append(")</li>\n");
        }

        html.Append("<li><a href=\"#access-history\">Who has seen or changed the record</a> (").Append(history.Count.ToString(CultureInfo.InvariantCulture)).Append(")</li>\n</ol>\n");

        foreach (var area in areas)
        {
            html.Append("<section>\n<h2 id=\"").Append(Anchor(area)).Append("\">").Append(E(RecordText.Title(area.Rows.Table.Name))).Append("</h2>\n");
            if (area.Rows.Count == 0)
            {
                html.Append("<p>None recorded.</p>\n");
            }
            else if (area.Rows.Table.ClrType == typeof(AttendanceYear))
            {
                AttendanceHtml(html, years, names);
                RecordsHtml(html, area);
            }
            else
            {
                RecordsHtml(html, area);
            }

            html.Append("</section>\n");
        }

        html.Append("<section>\n<h2 id=\"access-history\">Who has seen or changed the record</h2>\n");
        html.Append("<p>Every recorded view of or change to the child's record, oldest first, as Waymark's audit log holds it.</p>\n");
        html.Append("<table>\n<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">Role</th><th scope=\"col\">What</th><th scope=\"col\">Detail</th></tr></thead>\n<tbody>\n");
        foreach (var e in history)
        {
            html.Append("<tr><td>").Append(E(UkClock.UkDateTime(e.OccurredAtUtc))).Append("</td><td>").Append(E(e.UserName)).Append("</td><td>")
                .Append(E(e.UserRole)).Append("</td><td>").Append(E(e.Action)).Append("</td><td>").Append(E(e.Detail)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Anchor(TableView table) => RecordText.Kebab(table.Rows.Table.Name);

    private static void RecordsHtml(StringBuilder html, TableView table)
    {
        var title = RecordText.Title(table.Rows.Table.Name);
        if (table.Columns.Count <= ColumnsForOneTable)
        {
            html.Append("<table>\n<caption>").Append(E(title)).Append("</caption>\n<thead><tr>");
            foreach (var column in table.Columns)
            {
                html.Append("<th scope=\"col\">").Append(E(RecordText.Heading(column.Header))).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in table.Rows.Rows)
            {
                html.Append("<tr>");
                foreach (var column in table.Columns)
                {
                    html.Append("<td>").Append(E(RecordText.ForPeople(column.Value(row)))).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            return;
        }

        // Wide tables read better one record at a time, field by field.
        var count = table.Rows.Count;
        for (var i = 0; i < count; i++)
        {
            var row = table.Rows.Rows[i];
            html.Append("<table class=\"fields\">\n<caption>").Append(E(title));
            if (count > 1)
            {
                html.Append(CultureInfo.InvariantCulture, $": {i + 1} of {count}");
            }

            html.Append("</caption>\n<tbody>\n");
            foreach (var column in table.Columns)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(RecordText.Heading(column.Header))).Append("</th><td>")
                    .Append(E(RecordText.ForPeople(column.Value(row)))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }
    }

    private static void AttendanceHtml(StringBuilder html, IReadOnlyList<AttendanceYear> years, ReferenceNames names)
    {
        foreach (var year in years)
        {
            var academicYear = new AcademicYear(year.AcademicYear);
            var marks = new YearMarks(academicYear, year.Marks);
            var counts = marks.CountAll();
            var school = names.Name(Reference.School, year.SchoolId);
            html.Append("<h3>").Append(E(academicYear.ToString())).Append(" at ").Append(E(school)).Append("</h3>\n");
            html.Append("<table class=\"fields\">\n<caption>Figures for the year (DfE definitions)</caption>\n<tbody>\n");
            foreach (var (label, value) in new (string, string)[]
            {
                ("Possible sessions", Whole(counts.Possible)),
                ("Present (including late before registers closed)", Whole(counts.Present)),
                ("Approved educational activity", Whole(counts.ApprovedEducationalActivity)),
                ("Authorised absence", Whole(counts.Authorised)),
                ("Unauthorised absence", Whole(counts.Unauthorised)),
                ("Not counted (for example school closed)", Whole(counts.NotCounted)),
                ("Attendance", Percent(counts.AttendanceRate)),
                ("Overall absence", Percent(counts.OverallAbsenceRate)),
            })
            {
                html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            html.Append("<table>\n<caption>Register marks, ").Append(E(academicYear.ToString())).Append(", ").Append(E(school)).Append("</caption>\n")
                .Append("<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Session</th><th scope=\"col\">Code</th><th scope=\"col\">Meaning</th></tr></thead>\n<tbody>\n");
            foreach (var (date, session, code) in marks.Marked(academicYear.Start, academicYear.End))
            {
                html.Append("<tr><td>").Append(E(RecordText.ForPeople(date))).Append("</td><td>").Append(session.ToString()).Append("</td><td>")
                    .Append(E(code.ShownFor(session))).Append("</td><td>").Append(E(code.Meaning)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }
    }

    private static string Whole(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));

    private static string Percent(decimal? rate) => rate is decimal r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "No possible sessions";

    private static string E(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");

    private static void Write(ZipArchive zip, string name, string content, Encoding encoding)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        using var writer = new StreamWriter(stream, encoding);
        writer.Write(content);
    }
}

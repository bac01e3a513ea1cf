using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Identifiers;
using Waymark.Domain.Schools;

namespace Waymark.Web.Imports;

/// <summary>
/// `waymark import schools FILE.csv`: columns urn,la_code,establishment_number,name,phase,type.
/// All or nothing: one bad row and nothing is saved. Re-importing the same file changes nothing.
/// </summary>
public sealed class SchoolImporter(WaymarkDbContext db, Auditing.Auditor auditor)
{
    public static readonly string[] Columns = ["urn", "la_code", "establishment_number", "name", "phase", "type"];

    private sealed record Row(int Line, int Urn, int LaCode, int EstablishmentNumber, string Name, SchoolPhase Phase, string Type);

    public async Task<ImportResult> ImportAsync(Stream csv, CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<Row>();
        using (var file = new CsvFile(csv))
        {
            if (!file.ReadHeader(Columns))
            {
                return new ImportResult(0, 0, 0, 0, file.Problems);
            }

            var seen = new Dictionary<int, int>();
            while (file.Read())
            {
                var line = file.Line;
                var row = ParseRow(file, line, problems);
                if (row is null)
                {
                    continue;
                }

                if (seen.TryGetValue(row.Urn, out var firstLine))
                {
                    problems.Add(new ImportProblem(line, "urn", $"URN {row.Urn} is already on line {firstLine}"));
                    continue;
                }

                seen[row.Urn] = line;
                rows.Add(row);
            }

            problems.AddRange(file.Problems);
            if (rows.Count == 0 && problems.Count == 0)
            {
                problems.Add(new ImportProblem(file.Line, null, "the file has a header but no schools"));
            }
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        var rowsRead = rows.Count + problems.Select(p => p.Line).Distinct().Count();
        if (problems.Count > 0)
        {
            return new ImportResult(rowsRead, 0, 0, 0, problems);
        }

        var existing = await db.Schools.ToDictionaryAsync(s => s.Urn, ct);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Urn, out var school))
            {
                db.Schools.Add(new School
                {
                    Urn = row.Urn, LaCode = row.LaCode, EstablishmentNumber = row.EstablishmentNumber,
                    Name = row.Name, Phase = row.Phase, Type = row.Type, Status = SchoolStatus.Open,
                });
                added++;
            }
            else if (school.LaCode != row.LaCode || school.EstablishmentNumber != row.EstablishmentNumber ||
                     school.Name != row.Name || school.Phase != row.Phase || school.Type != row.Type)
            {
                school.LaCode = row.LaCode;
                school.EstablishmentNumber = row.EstablishmentNumber;
                school.Name = row.Name;
                school.Phase = row.Phase;
                school.Type = row.Type;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        if (added + updated > 0)
        {
            auditor.Record(AuditActions.SchoolsImported, detail: $"{added} added, {updated} updated, {unchanged} unchanged");
        }

        await db.SaveChangesAsync(ct);
        return new ImportResult(rows.Count, added, updated, unchanged, []);
    }

    private static Row? ParseRow(CsvFile file, int line, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var urnText = file.Get("urn");
        var urn = 0;
        if (!IsDigits(urnText, 6) || !int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out urn) || !Urn.IsValid(urn))
        {
            problems.Add(new ImportProblem(line, "urn", urnText is null ? "URN is missing" : $"'{urnText}' is not a 6-digit URN"));
        }

        var laText = file.Get("la_code");
        var laCode = 0;
        if (!IsDigits(laText, 3) || !int.TryParse(laText, NumberStyles.None, CultureInfo.InvariantCulture, out laCode) || !LocalAuthorityCodes.IsRecognised(laCode))
        {
            problems.Add(new ImportProblem(line, "la_code", laText is null ? "LA code is missing" : $"'{laText}' is not a DfE 3-digit local authority code"));
        }

        var estabText = file.Get("establishment_number");
        var estab = 0;
        if (!IsDigits(estabText, 4) || !int.TryParse(estabText, NumberStyles.None, CultureInfo.InvariantCulture, out estab))
        {
            problems.Add(new ImportProblem(line, "establishment_number",
                estabText is null ? "establishment number is missing" : $"'{estabText}' is not a 4-digit establishment number"));
            estab = 0;
        }

        var name = file.Get("name");
        if (name is null)
        {
            problems.Add(new ImportProblem(line, "name", "school name is missing"));
        }
        else if (name.Length > 200)
        {
            problems.Add(new ImportProblem(line, "name", "school name must be 200 characters or fewer"));
        }
        else if (CsvFile.HasControlCharacters(name))
        {
            problems.Add(new ImportProblem(line, "name", "school name must not contain control characters such as NUL, tabs or line breaks"));
        }

        var phaseText = file.Get("phase");
        if (!SchoolPhases.TryParse(phaseText ?? "", out var phase))
        {
            problems.Add(new ImportProblem(line, "phase", phaseText is null
                ? "phase is missing"
                : $"'{phaseText}' is not a GIAS phase (use one of: {string.Join(", ", SchoolPhases.All.Select(SchoolPhases.DisplayName))})"));
        }

        var type = file.Get("type");
        if (type is null)
        {
            problems.Add(new ImportProblem(line, "type", "type of establishment is missing"));
        }
        else if (type.Length > 100)
        {
            problems.Add(new ImportProblem(line, "type", "type must be 100 characters or fewer"));
        }
        else if (CsvFile.HasControlCharacters(type))
        {
            problems.Add(new ImportProblem(line, "type", "type must not contain control characters such as NUL, tabs or line breaks"));
        }

        return problems.Count > before ? null : new Row(line, urn, laCode, estab, name!, phase, type!);
    }

    private static bool IsDigits(string? text, int length) => text is not null && text.Length == length && text.All(char.IsAsciiDigit);
}

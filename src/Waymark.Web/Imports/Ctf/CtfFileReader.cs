using System.Globalization;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Identifiers;
using Waymark.Domain.CommonTransfer;

namespace Waymark.Web.Imports.Ctf;

/// <summary>What reading one file gave: the file when it is good, and every problem found in it.</summary>
public sealed record CtfReadResult(CtfFile? File, IReadOnlyList<CtfProblem> Problems, int PupilsRead);

/// <summary>
/// Reads a Common Transfer File (versions 24 and 25) into a <see cref="CtfFile"/>, checking every value it imports and
/// naming the pupil, element and reason of each problem. Sections Waymark does not hold (assessments, the pupil's own
/// phones and email, NAW details, admissions) are passed over. No database: the importer checks schools and pupils
/// against Waymark afterwards.
/// </summary>
public sealed class CtfFileReader(DateOnly today, CtfLimits limits)
{
    /// <summary>Problems listed per file; the rest are counted.</summary>
    public const int ProblemsListed = 200;

    private const int NameLength = 100;

    public CtfReadResult Read(Stream stream, string name, IProgress<double>? progress = null)
    {
        var problems = new Problems();
        var pupils = new List<CtfPupil>();
        var count = 0;
        try
        {
            var (reader, headerNode) = CtfXmlReader.Open(stream, limits);
            using (reader)
            {
                var header = ReadHeader(headerNode, problems);
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                while (reader.NextPupil() is { } node)
                {
                    count++;
                    if (progress is not null && stream.CanSeek && stream.Length > 0 && (count & 15) == 0)
                    {
                        progress.Report((double)stream.Position / stream.Length);
                    }

                    if (header is null)
                    {
                        // Without a usable header there are no dates to check a pupil against; the XML is still read to the end.
                        continue;
                    }

                    var pupil = new PupilReader(node, count, header, today, problems).Read();
                    if (pupil is null)
                    {
                        continue;
                    }

                    if (seen.TryGetValue(pupil.Upn, out var firstLine))
                    {
                        problems.Add(new CtfProblem(pupil.Line, pupil.Upn, "UPN", $"the pupil is in the file twice (first on line {firstLine})"));
                        continue;
                    }

                    seen[pupil.Upn] = pupil.Line;
                    pupils.Add(pupil);
                }

                if (header is not null && count == 0)
                {
                    problems.Add(new CtfProblem(headerNode.Line, null, CtfXmlReader.PupilData, "the file has no pupils"));
                }

                progress?.Report(1);
                return problems.Count > 0 || header is null
                    ? new CtfReadResult(null, problems.Listed, count)
                    : new CtfReadResult(new CtfFile(name, header, pupils), [], count);
            }
        }
        catch (CtfUnreadableException ex)
        {
            problems.Add(new CtfProblem(ex.Line, null, null, ex.Message));
            return new CtfReadResult(null, problems.Listed, count);
        }
    }

    private CtfHeader? ReadHeader(CtfNode header, Problems problems)
    {
        var before = problems.Count;
        void Problem(CtfNode? node, string element, string reason) => problems.Add(new CtfProblem(node?.Line ?? header.Line, null, $"Header/{element}", reason));

        // DfE's own code writes CTFversion, Capita's CTFVersion: the name is matched in any case (standards §1.1).
        var versionNode = header.ChildIgnoringCase("CTFversion");
        int version = 0;
        if (versionNode?.Text is not { } versionText)
        {
            Problem(versionNode, "CTFversion", "the header has no CTFversion, so the file cannot be read safely; Waymark reads CTF versions 24 and 25");
        }
        else if (!CtfImportRules.IsSupportedVersion(versionText, out var major))
        {
            Problem(versionNode, versionNode.Name, major is { } m
                ? $"this is a CTF {m} file; Waymark reads CTF versions {string.Join(" and ", CtfImportRules.SupportedVersions)} only. Ask the sender for a file in a current version"
                : $"'{Short(versionText)}' is not a CTF version; Waymark reads CTF versions {string.Join(" and ", CtfImportRules.SupportedVersions)}");
        }
        else
        {
            version = major!.Value;
        }

        var dateNode = header.Child("DateTime");
        DateTime madeAt = default;
        if (dateNode?.Text is not { } dateText)
        {
            Problem(dateNode, "DateTime", "the header has no DateTime (when the file was made)");
        }
        else if (!DateTime.TryParseExact(dateText, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
                     CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out madeAt) || madeAt.Year < 2000)
        {
            Problem(dateNode, "DateTime", $"'{Short(dateText)}' is not a date and time (yyyy-mm-ddThh:mm:ss)");
        }
        else if (DateOnly.FromDateTime(madeAt) > today.AddDays(1))
        {
            Problem(dateNode, "DateTime", $"the file says it was made on {madeAt:yyyy-MM-dd}, which is in the future");
        }

        var source = School(header.Child("SourceSchool"), "SourceSchool", header, problems, required: true);
        var destination = header.Child("DestSchool") is { } destNode ? School(destNode, "DestSchool", header, problems, required: false) : null;

        var year = madeAt == default ? default : AcademicYear.Containing(DateOnly.FromDateTime(madeAt));
        var yearNode = header.Child("SourceSchool")?.Child("AcademicYear");
        if (yearNode?.Text is { } yearText)
        {
            if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var startYear) || startYear < 2000)
            {
                Problem(yearNode, "SourceSchool/AcademicYear", $"'{Short(yearText)}' is not an academic year (the year it starts, e.g. 2025)");
            }
            else
            {
                year = new AcademicYear(startYear);
            }
        }

        return problems.Count > before || source is null
            ? null
            : new CtfHeader(version, madeAt, year, source, destination, header.Value("SupplierID"));
    }

    private static CtfSchool? School(CtfNode? node, string element, CtfNode header, Problems problems, bool required)
    {
        if (node is null)
        {
            if (required)
            {
                problems.Add(new CtfProblem(header.Line, null, $"Header/{element}", "the header does not say which school sent the file"));
            }

            return null;
        }

        var before = problems.Count;
        var la = node.Child("LEA");
        int? laCode = null;
        if (la?.Text is not { } laText)
        {
            problems.Add(new CtfProblem(node.Line, null, $"Header/{element}/LEA", "the LA number is missing"));
        }
        else if (laText.Length != 3 || !int.TryParse(laText, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || !LocalAuthorityCodes.IsRecognised(code))
        {
            problems.Add(new CtfProblem(la.Line, null, $"Header/{element}/LEA", $"'{Short(laText)}' is not a DfE 3-digit LA number"));
        }
        else
        {
            laCode = code;
        }

        var estab = node.Child("Estab");
        if (estab?.Text is not { } estabText)
        {
            problems.Add(new CtfProblem(node.Line, null, $"Header/{element}/Estab", "the establishment number is missing"));
        }
        else if (estabText.Length != 4 || !estabText.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add(new CtfProblem(estab.Line, null, $"Header/{element}/Estab", $"'{Short(estabText)}' is not a 4-character establishment number"));
        }

        int? urn = null;
        if (node.Child("URN") is { Text: { } urnText } urnNode)
        {
            if (urnText.Length != 6 || !int.TryParse(urnText, NumberStyles.None, CultureInfo.InvariantCulture, out var u) || !Urn.IsValid(u))
            {
                problems.Add(new CtfProblem(urnNode.Line, null, $"Header/{element}/URN", $"'{Short(urnText)}' is not a 6-digit URN"));
            }
            else
            {
                urn = u;
            }
        }

        return problems.Count > before ? null : new CtfSchool(laCode, estab!.Text, urn, node.Value("SchoolName"));
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>The first <see cref="ProblemsListed"/> problems of a file, and how many there were in all.</summary>
    private sealed class Problems
    {
        public List<CtfProblem> Listed { get; } = [];

        public int Count { get; private set; }

        public void Add(CtfProblem problem)
        {
            Count++;
            if (Listed.Count < ProblemsListed)
            {
                Listed.Add(problem);
            }
            else if (Listed.Count == ProblemsListed)
            {
                Listed.Add(new CtfProblem(0, null, null, $"more problems follow; only the first {ProblemsListed} are listed"));
            }
        }
    }

    /// <summary>Reads one Pupil element; every problem names the pupil.</summary>
    private sealed class PupilReader(CtfNode pupil, int index, CtfHeader header, DateOnly today, Problems problems)
    {
        private string _who = string.Create(CultureInfo.InvariantCulture, $"{index} in the file");
        private int _before;

        private void Problem(CtfNode? node, string element, string reason) => problems.Add(new CtfProblem(node?.Line ?? pupil.Line, _who, element, reason));

        public CtfPupil? Read()
        {
            _before = problems.Count;
            var upnNode = pupil.Child("UPN");
            var upnText = upnNode?.Text;
            var upnCheck = Upn.Validate(upnText);
            string? upn = null;
            if (!upnCheck.IsValid)
            {
                if (upnText is not null)
                {
                    _who = $"{index} in the file ('{Short(upnText)}')";
                }

                Problem(upnNode, "UPN", upnText is null ? "the UPN is missing; Waymark matches pupils by UPN" : upnCheck.Message);
            }
            else
            {
                upn = Upn.Normalise(upnText!);
                _who = upn;
            }

            var surname = Text(pupil, "Surname", "Surname", required: true);
            var forename = Text(pupil, "Forename", "Forename", required: true);
            var dob = Date(pupil, "DOB", "DOB", required: true);
            if (dob is { } born)
            {
                if (born > today)
                {
                    Problem(pupil.Child("DOB"), "DOB", $"the date of birth {born:yyyy-MM-dd} is in the future");
                    dob = null;
                }
                else if (Age.On(born, today) > 25)
                {
                    Problem(pupil.Child("DOB"), "DOB", $"the date of birth {born:yyyy-MM-dd} makes the pupil over 25; check the date");
                    dob = null;
                }
            }

            var sex = ReadSex();
            var details = pupil.Child("BasicDetails");
            var formerUpns = new List<string>();
            string? middle = null, preferredForename = null, preferredSurname = null, ethnicity = null, language = null;
            int? offset = null;
            if (details is not null)
            {
                foreach (var former in details.All("FormerUPN"))
                {
                    if (former.Text is not { } formerText)
                    {
                        continue;
                    }

                    var check = Upn.Validate(formerText);
                    if (!check.IsValid)
                    {
                        Problem(former, "BasicDetails/FormerUPN", $"'{Short(formerText)}': {check.Message}");
                    }
                    else if (Upn.Normalise(formerText) is var normal && normal != upn && !formerUpns.Contains(normal))
                    {
                        formerUpns.Add(normal);
                    }
                }

                middle = Text(details, "MiddleNames", "BasicDetails/MiddleNames");
                preferredForename = Text(details, "PreferredForename", "BasicDetails/PreferredForename");
                preferredSurname = Text(details, "PreferredSurname", "BasicDetails/PreferredSurname");
                offset = ReadYearGroup(details.Child("NCyearActual"), dob);
                ethnicity = ReadEthnicity(details.Child("Ethnicity"));
                language = ReadFirstLanguage(details.Child("Languages"));
            }

            var (inCare, careAuthority) = ReadLookedAfter(pupil.Child("LookedAfter"));
            var (sen, primary, secondary) = ReadSen(pupil.Child("SENhistory"), dob);
            var fsm = ReadFsm(pupil.Child("FSMhistory"), dob);
            var address = ReadAddress(pupil.Child("Address"));
            var contacts = ReadContacts(pupil.Child("Contacts"));
            var history = ReadSchoolHistory(pupil.Child("SchoolHistory"), dob);
            var attendance = ReadAttendance(pupil.Child("Attendance"));

            if (problems.Count > _before || upn is null)
            {
                return null;
            }

            return new CtfPupil
            {
                Line = pupil.Line, Upn = upn, Forename = forename!, Surname = surname!, DateOfBirth = dob!.Value, Sex = sex, MiddleNames = middle,
                PreferredForename = preferredForename, PreferredSurname = preferredSurname, FormerUpns = formerUpns, YearGroupOffset = offset,
                Ethnicity = ethnicity, FirstLanguage = language, InCare = inCare, CareAuthority = careAuthority, SenEpisodes = sen, PrimaryNeed = primary,
                SecondaryNeed = secondary, Fsm = fsm, Address = address, Contacts = contacts, SchoolHistory = history, Attendance = attendance,
            };
        }

        private Sex? ReadSex()
        {
            // CTF 25 has Sex; earlier versions Gender. Either is read; both must agree.
            var sexNode = pupil.Child("Sex");
            var genderNode = pupil.Child("Gender");
            Sex? sex = null;
            foreach (var node in new[] { sexNode, genderNode })
            {
                if (node?.Text is not { } text)
                {
                    continue;
                }

                if (!CtfImportRules.TryParseSex(text, out var parsed))
                {
                    Problem(node, node.Name, $"'{Short(text)}' is not a sex code (M, F, or U for not known)");
                    return null;
                }

                if (sex is { } earlier && earlier != parsed)
                {
                    Problem(node, node.Name, $"Gender '{text}' disagrees with Sex '{Sexes.Code(earlier)}'");
                    return null;
                }

                sex = parsed;
            }

            return sex;
        }

        private int? ReadYearGroup(CtfNode? node, DateOnly? dob)
        {
            if (node?.Text is not { } text)
            {
                return null;
            }

            if (!CtfImportRules.TryParseNcYear(text, out var year))
            {
                Problem(node, "BasicDetails/NCyearActual", $"'{Short(text)}' is not a National Curriculum year (E1, E2, N1, N2, R, 1 to 14, or X)");
                return null;
            }

            if (year is not { } actual || dob is not { } born)
            {
                return null;
            }

            if (CtfImportRules.YearGroupOffset(born, header.AcademicYear, actual) is not { } offset)
            {
                Problem(node, "BasicDetails/NCyearActual", $"a pupil born on {born:yyyy-MM-dd} has no year group in {header.AcademicYear}, so NCyearActual {actual.Code} cannot be placed; check the date of birth");
                return null;
            }

            if (Math.Abs(offset) > 2)
            {
                var chronological = NationalCurriculumYear.Derive(born, header.AcademicYear)!.Value;
                Problem(node, "BasicDetails/NCyearActual", string.Create(CultureInfo.InvariantCulture,
                    $"NCyearActual {actual.Code} is {Math.Abs(offset)} years from the year group of a pupil born on {born:yyyy-MM-dd} ({chronological.DisplayName} in {header.AcademicYear}); check the date of birth or the year"));
                return null;
            }

            return offset;
        }

        private string? ReadEthnicity(CtfNode? node)
        {
            if (node?.Text is not { } text)
            {
                return null;
            }

            var code = text.ToUpperInvariant();
            if (!CtfImportRules.IsEthnicityCode(code))
            {
                Problem(node, "BasicDetails/Ethnicity", $"'{Short(text)}' is not a DfE ethnicity code (four letters, such as WBRI)");
                return null;
            }

            return code;
        }

        private string? ReadFirstLanguage(CtfNode? languages)
        {
            if (languages is null)
            {
                return null;
            }

            string? first = null;
            foreach (var type in languages.All("Type"))
            {
                if (!string.Equals(type.Value("LanguageType"), "F", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var node = type.Child("Language");
                if (node?.Text is not { } text)
                {
                    Problem(type, "BasicDetails/Languages/Type/Language", "the first language (LanguageType F) has no Language code");
                    continue;
                }

                var code = text.ToUpperInvariant();
                if (!CtfImportRules.IsLanguageCode(code))
                {
                    Problem(node, "BasicDetails/Languages/Type/Language", $"'{Short(text)}' is not a DfE language code (three or four letters, such as ENG)");
                }
                else if (first is not null && first != code)
                {
                    Problem(node, "BasicDetails/Languages/Type/Language", $"two first languages are given ({first} and {code})");
                }
                else
                {
                    first = code;
                }
            }

            return first;
        }

        private (bool? InCare, int? CareAuthority) ReadLookedAfter(CtfNode? node)
        {
            if (node is null)
            {
                return (null, null);
            }

            var inCare = Bool(node, "InCare", "LookedAfter/InCare");
            int? authority = null;
            if (node.Child("CareAuthority") is { Text: { } text } authorityNode)
            {
                if (text.Length != 3 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || !LocalAuthorityCodes.IsRecognised(code))
                {
                    Problem(authorityNode, "LookedAfter/CareAuthority", $"'{Short(text)}' is not a DfE 3-digit LA number");
                }
                else
                {
                    authority = code;
                }
            }

            return (inCare, authority);
        }

        private (IReadOnlyList<SenEpisode>? Episodes, SenPrimaryNeed? Primary, SenPrimaryNeed? Secondary) ReadSen(CtfNode? node, DateOnly? dob)
        {
            if (node is null)
            {
                return (null, null, null);
            }

            var entries = new List<(DateOnly, ChildStatusType?)>();
            var n = 0;
            foreach (var sen in node.All("SEN"))
            {
                var element = string.Create(CultureInfo.InvariantCulture, $"SENhistory/SEN[{++n}]");
                var start = Date(sen, "StartDate", element + "/StartDate", required: true);
                if (start is { } s && dob is { } born && s < born)
                {
                    Problem(sen.Child("StartDate"), element + "/StartDate", $"{s:yyyy-MM-dd} is before the pupil was born");
                    start = null;
                }

                var provisionNode = sen.Child("SENprovision");
                ChildStatusType? type = null;
                var ok = true;
                if (provisionNode?.Text is not { } provision)
                {
                    Problem(provisionNode ?? sen, element + "/SENprovision", "the SEN provision is missing (N, K or E)");
                    ok = false;
                }
                else if (!CtfImportRules.TryParseSenProvision(provision, out type))
                {
                    Problem(provisionNode, element + "/SENprovision", $"'{Short(provision)}' is not a SEN provision code (N none, K SEN support, E EHC plan)");
                    ok = false;
                }

                if (start is { } date && ok)
                {
                    entries.Add((date, type));
                }
            }

            var episodes = CtfImportRules.SenEpisodes(entries);
            if (episodes is null)
            {
                Problem(node, "SENhistory/SEN", "two SEN entries start on the same date; the file must say which provision began then");
            }

            SenPrimaryNeed? primary = null, secondary = null;
            if (node.Child("SENneeds") is { } needs)
            {
                var m = 0;
                foreach (var need in needs.All("SENneed"))
                {
                    var element = string.Create(CultureInfo.InvariantCulture, $"SENhistory/SENneeds/SENneed[{++m}]");
                    var typeNode = need.Child("SENtype");
                    var rankNode = need.Child("SENtypeRank");
                    if (typeNode?.Text is not { } typeText)
                    {
                        Problem(need, element + "/SENtype", "the SEN type is missing");
                        continue;
                    }

                    if (!CtfImportRules.TryParseSenType(typeText, out var type))
                    {
                        Problem(typeNode, element + "/SENtype", $"'{Short(typeText)}' is not a SEN type of need (one of {string.Join(", ", SenPrimaryNeeds.All.Select(SenPrimaryNeeds.Code))})");
                        continue;
                    }

                    var rankText = rankNode?.Text ?? (m == 1 ? "1" : null);
                    if (rankText is not ("1" or "2"))
                    {
                        Problem(rankNode ?? need, element + "/SENtypeRank", rankText is null ? "the rank is missing (1 for the primary need, 2 for the secondary)" : $"'{Short(rankText)}' is not a rank (1 or 2)");
                        continue;
                    }

                    ref var slot = ref rankText == "1" ? ref primary : ref secondary;
                    if (slot is not null)
                    {
                        Problem(rankNode ?? need, element + "/SENtypeRank", $"two needs are ranked {rankText}");
                        continue;
                    }

                    slot = type;
                }
            }

            return (episodes, primary, secondary);
        }

        private List<CtfFsmSpell>? ReadFsm(CtfNode? node, DateOnly? dob)
        {
            if (node is null)
            {
                return null;
            }

            var spells = new List<CtfFsmSpell>();
            var n = 0;
            foreach (var instance in node.All("FSMinstance"))
            {
                var element = string.Create(CultureInfo.InvariantCulture, $"FSMhistory/FSMinstance[{++n}]");
                var start = Date(instance, "FSMstartDate", element + "/FSMstartDate", required: true);
                var end = Date(instance, "FSMendDate", element + "/FSMendDate");
                if (start is not { } s)
                {
                    continue;
                }

                if (dob is { } born && s < born)
                {
                    Problem(instance.Child("FSMstartDate"), element + "/FSMstartDate", $"{s:yyyy-MM-dd} is before the pupil was born");
                }
                else if (end is { } e && e < s)
                {
                    Problem(instance.Child("FSMendDate"), element + "/FSMendDate", $"the end {e:yyyy-MM-dd} is before the start {s:yyyy-MM-dd}");
                }
                else if (spells.Any(x => x.Start == s))
                {
                    Problem(instance.Child("FSMstartDate"), element + "/FSMstartDate", $"two spells start on {s:yyyy-MM-dd}");
                }
                else
                {
                    spells.Add(new CtfFsmSpell(s, end));
                }
            }

            return spells;
        }

        private CtfAddress? ReadAddress(CtfNode? node)
        {
            if (node is null)
            {
                return null;
            }

            string? saon = null, paon = null, street = null, locality = null, town = null, area = null, postTown = null;
            long? uprn = null;
            var lines = new string?[5];
            if (node.Child("BS7666Address") is { } bs)
            {
                const string at = "Address/BS7666Address/";
                saon = Text(bs, "SAON", at + "SAON");
                paon = Text(bs, "PAON", at + "PAON");
                street = Text(bs, "Street", at + "Street");
                locality = Text(bs, "Locality", at + "Locality");
                town = Text(bs, "Town", at + "Town");
                area = Text(bs, "AdministrativeArea", at + "AdministrativeArea");
                postTown = Text(bs, "PostTown", at + "PostTown");
                if (bs.Child("UniquePropertyReferenceNumber") is { Text: { } uprnText } uprnNode)
                {
                    if (uprnText.Length > 12 || !long.TryParse(uprnText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value == 0)
                    {
                        Problem(uprnNode, at + "UniquePropertyReferenceNumber", $"'{Short(uprnText)}' is not a UPRN (up to 12 digits)");
                    }
                    else
                    {
                        uprn = value;
                    }
                }
            }
            else if (node.Child("AddressLines") is { } free)
            {
                for (var i = 0; i < lines.Length; i++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"AddressLine{i + 1}");
                    lines[i] = Text(free, name, "Address/AddressLines/" + name);
                }
            }

            var county = Text(node, "County", "Address/County");
            string? postcode = null;
            if (node.Child("PostCode") is { Text: { } postcodeText } postcodeNode)
            {
                if (!CtfImportRules.TryNormalisePostcode(postcodeText, out var normal))
                {
                    Problem(postcodeNode, "Address/PostCode", $"'{Short(postcodeText)}' is not a UK postcode");
                }
                else
                {
                    postcode = normal;
                }
            }

            var empty = saon is null && paon is null && street is null && locality is null && town is null && area is null && postTown is null
                && lines.All(l => l is null) && county is null && postcode is null;
            return empty ? null : new CtfAddress(saon, paon, street, locality, town, area, postTown, uprn, lines, county, postcode);
        }

        private List<CtfContact>? ReadContacts(CtfNode? node)
        {
            if (node is null)
            {
                return null;
            }

            var contacts = new List<CtfContact>();
            var n = 0;
            foreach (var contact in node.All("Contact"))
            {
                var element = string.Create(CultureInfo.InvariantCulture, $"Contacts/Contact[{++n}]");
                var before = problems.Count;
                var order = n;
                if (contact.Child("Order") is { Text: { } orderText } orderNode)
                {
                    if (orderText.Length > 2 || !int.TryParse(orderText, NumberStyles.None, CultureInfo.InvariantCulture, out order) || order < 1)
                    {
                        Problem(orderNode, element + "/Order", $"'{Short(orderText)}' is not an order (1 to 99)");
                    }
                }

                if (contacts.Any(c => c.Order == order))
                {
                    Problem(contact.Child("Order") ?? contact, element + "/Order", string.Create(CultureInfo.InvariantCulture, $"two contacts have the order {order}"));
                }

                var title = Text(contact, "Title", element + "/Title", maxLength: 35);
                var surname = Text(contact, "Surname", element + "/Surname", required: true);
                var forename = Text(contact, "Forename", element + "/Forename");
                var relationship = Text(contact, "Relationship", element + "/Relationship", maxLength: 10);
                var responsibility = Bool(contact, "Responsibility", element + "/Responsibility") ?? false;
                var email = Text(contact, "Email", element + "/Email", maxLength: 256);
                if (email is not null && (email.Contains(' ', StringComparison.Ordinal) || email.IndexOf('@', StringComparison.Ordinal) is < 1 || email.EndsWith('@')))
                {
                    Problem(contact.Child("Email"), element + "/Email", $"'{Short(email)}' is not an email address");
                }

                var phones = new List<CtfPhone>();
                var p = 0;
                foreach (var phone in contact.Child("Phones")?.All("Phone") ?? [])
                {
                    var phoneElement = string.Create(CultureInfo.InvariantCulture, $"{element}/Phones/Phone[{++p}]");
                    var number = Text(phone, "PhoneNo", phoneElement + "/PhoneNo", required: true, maxLength: 40);
                    if (number is not null && !number.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.'))
                    {
                        Problem(phone.Child("PhoneNo"), phoneElement + "/PhoneNo", $"'{Short(number)}' is not a telephone number");
                        continue;
                    }

                    if (number is not null)
                    {
                        phones.Add(new CtfPhone(Text(phone, "TelephoneType", phoneElement + "/TelephoneType", maxLength: 10)?.ToUpperInvariant(), number));
                    }
                }

                if (problems.Count == before)
                {
                    contacts.Add(new CtfContact(order, title, forename, surname!, relationship?.ToUpperInvariant(), responsibility, email, phones));
                }
            }

            return contacts;
        }

        private List<CtfSchoolHistory> ReadSchoolHistory(CtfNode? node, DateOnly? dob)
        {
            var history = new List<CtfSchoolHistory>();
            if (node is null)
            {
                return history;
            }

            var n = 0;
            foreach (var school in node.All("School"))
            {
                var element = string.Create(CultureInfo.InvariantCulture, $"SchoolHistory/School[{++n}]");
                var before = problems.Count;
                var name = Text(school, "SchoolName", element + "/SchoolName", maxLength: 200);
                var la = Digits(school, "LEA", element + "/LEA", 3, "a DfE 3-digit LA number");
                if (la is { } code && !LocalAuthorityCodes.IsRecognised(code))
                {
                    Problem(school.Child("LEA"), element + "/LEA", string.Create(CultureInfo.InvariantCulture, $"'{code:D3}' is not a DfE LA number"));
                }

                var estab = Digits(school, "Estab", element + "/Estab", 4, "a 4-digit establishment number");
                var urn = Digits(school, "URN", element + "/URN", 6, "a 6-digit URN");
                var entry = Date(school, "EntryDate", element + "/EntryDate");
                var leaving = Date(school, "LeavingDate", element + "/LeavingDate");
                var reason = Text(school, "LeavingReason", element + "/LeavingReason");
                if (entry is { } e && dob is { } born && e < born)
                {
                    Problem(school.Child("EntryDate"), element + "/EntryDate", $"{e:yyyy-MM-dd} is before the pupil was born");
                }

                if (entry is { } from && leaving is { } to && to < from)
                {
                    Problem(school.Child("LeavingDate"), element + "/LeavingDate", $"the leaving date {to:yyyy-MM-dd} is before the entry date {from:yyyy-MM-dd}");
                }

                if (name is null && (la is null || estab is null) && urn is null)
                {
                    Problem(school, element, "the school has no name, LA and establishment number, or URN");
                }

                // Two entries the import would take for one stay (CtfRecordUpdate matches by entry date and any shared identifier).
                if (history.Any(h => h.EntryDate == entry
                        && ((h is { LaCode: { } hl, EstablishmentNumber: { } he } && hl == la && he == estab)
                            || (h.Urn is { } hu && hu == urn)
                            || (h.LaCode is null && h.Urn is null && la is null && urn is null && string.Equals(h.SchoolName, name, StringComparison.OrdinalIgnoreCase)))))
                {
                    Problem(school, element, "the same school and entry date are given twice");
                }

                if (problems.Count == before)
                {
                    var shown = name ?? (urn is { } u ? string.Create(CultureInfo.InvariantCulture, $"URN {u}") : string.Create(CultureInfo.InvariantCulture, $"{la:D3}/{estab:D4}"));
                    history.Add(new CtfSchoolHistory(shown, la, estab, urn, entry, leaving, reason));
                }
            }

            return history;
        }

        private List<CtfYearData> ReadAttendance(CtfNode? node)
        {
            var years = new List<CtfYearData>();
            if (node is null)
            {
                return years;
            }

            var n = 0;
            foreach (var data in node.All("YearData"))
            {
                var element = string.Create(CultureInfo.InvariantCulture, $"Attendance/YearData[{++n}]");
                var before = problems.Count;
                var yearNumber = Digits(data, "Year", element + "/Year", 4, "an academic year (the year it starts, e.g. 2025)", required: true);
                var la = Digits(data, "LEA", element + "/LEA", 3, "a DfE 3-digit LA number", required: true);
                var estab = Digits(data, "Estab", element + "/Estab", 4, "a 4-digit establishment number", required: true);
                var schoolName = Text(data, "SchoolName", element + "/SchoolName", maxLength: 200);
                int? Sessions(string name) => Digits(data, name, $"{element}/{name}", 3, "a number of sessions (0 to 999)", exact: false);
                var possible = Sessions(CtfAttendanceTotals.Possible);
                var attended = Sessions(CtfAttendanceTotals.Attended);
                var authorised = Sessions(CtfAttendanceTotals.Authorised);
                var unauthorised = Sessions(CtfAttendanceTotals.Unauthorised);

                if (yearNumber is { } y && (y < 2000 || new AcademicYear(y).Start > today))
                {
                    Problem(data.Child("Year"), element + "/Year", string.Create(CultureInfo.InvariantCulture, $"{y} is not an academic year the register could hold yet"));
                    yearNumber = null;
                }

                // AttendSessions holds the marks in the files seen so far; they are looked for directly under YearData too.
                var sessions = data.Child("AttendSessions") ?? data;
                var sessionsElement = ReferenceEquals(sessions, data) ? element : element + "/AttendSessions";
                var startNode = sessions.Child("AttendanceStartDate");
                var marksNode = sessions.Child("AttendanceMarks");
                var start = Date(sessions, "AttendanceStartDate", sessionsElement + "/AttendanceStartDate");
                YearMarks? marks = null;
                if (marksNode?.Text is { } text && startNode is null)
                {
                    Problem(marksNode, sessionsElement + "/AttendanceMarks", "the marks have no AttendanceStartDate, so their days are not known");
                }
                else if (marksNode?.Text is { } marksText && start is { } first && yearNumber is { } startYear)
                {
                    marks = ReadMarks(first, marksText, new AcademicYear(startYear), startNode!, marksNode, sessionsElement);
                }

                if (problems.Count > before)
                {
                    continue;
                }

                var counts = marks?.CountAll();
                var mismatches = counts is { } c ? CtfAttendanceTotals.Compare(c, possible, attended, authorised, unauthorised) : [];
                years.Add(new CtfYearData(data.Line, element, new AcademicYear(yearNumber!.Value), la!.Value, estab!.Value, schoolName, marks, counts, mismatches));
            }

            return years;
        }

        private YearMarks? ReadMarks(DateOnly start, string text, AcademicYear year, CtfNode startNode, CtfNode marksNode, string element)
        {
            if (!year.Contains(start))
            {
                Problem(startNode, element + "/AttendanceStartDate", $"{start:yyyy-MM-dd} is not in the academic year {year}");
                return null;
            }

            var read = CtfMarksReader.Read(start, text, out var problem);
            if (read is null)
            {
                Problem(marksNode, element + "/AttendanceMarks", problem!);
                return null;
            }

            if (read.LastDay is { } last && last > year.End)
            {
                Problem(marksNode, element + "/AttendanceMarks", $"the marks run to {last:yyyy-MM-dd}, past the end of the academic year {year} on {year.End:yyyy-MM-dd}");
                return null;
            }

            var marks = new YearMarks(year);
            var bad = 0;
            foreach (var session in read.Sessions)
            {
                // The same checks as a CSV row's date and code (MarkIntake), so both imports refuse the same marks.
                var reason = MarkIntake.DateProblem(session.Date, today) is { } future
                    ? future
                    : MarkIntake.Code(session.Mark, session.Date, out var codeProblem) is { } code
                        ? Set(marks, session, code)
                        : codeProblem;
                if (reason is null)
                {
                    continue;
                }

                if (++bad <= 5)
                {
                    Problem(marksNode, element + "/AttendanceMarks", string.Create(CultureInfo.InvariantCulture,
                        $"character {session.Position} ({session.Date:yyyy-MM-dd} {session.Session}): {reason}"));
                }
            }

            if (bad > 5)
            {
                Problem(marksNode, element + "/AttendanceMarks", string.Create(CultureInfo.InvariantCulture, $"and {bad - 5} more bad marks"));
            }

            return bad > 0 ? null : marks;
        }

        private static string? Set(YearMarks marks, CtfSession session, AttendanceCode code)
        {
            marks.Set(session.Date, session.Session, code);
            return null;
        }

        private string? Text(CtfNode parent, string name, string element, bool required = false, int maxLength = NameLength)
        {
            var node = parent.Child(name);
            var text = node?.Text;
            if (text is null)
            {
                if (required)
                {
                    Problem(node ?? parent, element, $"{name} is missing");
                }

                return null;
            }

            if (text.Length > maxLength)
            {
                Problem(node, element, string.Create(CultureInfo.InvariantCulture, $"must be {maxLength} characters or fewer (this is {text.Length})"));
                return null;
            }

            if (text.Any(char.IsControl))
            {
                Problem(node, element, "must not contain control characters such as tabs or line breaks");
                return null;
            }

            return text;
        }

        private DateOnly? Date(CtfNode parent, string name, string element, bool required = false)
        {
            var node = parent.Child(name);
            if (node?.Text is not { } text)
            {
                if (required)
                {
                    Problem(node ?? parent, element, $"{name} is missing");
                }

                return null;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1900)
            {
                Problem(node, element, $"'{Short(text)}' is not a date (yyyy-mm-dd)");
                return null;
            }

            return date;
        }

        private bool? Bool(CtfNode parent, string name, string element)
        {
            var node = parent.Child(name);
            switch (node?.Text?.ToLowerInvariant())
            {
                case null: return null;
                case "true" or "1": return true;
                case "false" or "0": return false;
                default:
                    Problem(node, element, $"'{Short(node.Text!)}' is not true or false");
                    return null;
            }
        }

        private int? Digits(CtfNode parent, string name, string element, int length, string what, bool required = false, bool exact = true)
        {
            var node = parent.Child(name);
            if (node?.Text is not { } text)
            {
                if (required)
                {
                    Problem(node ?? parent, element, $"{name} is missing");
                }

                return null;
            }

            if ((exact ? text.Length != length : text.Length is 0 || text.Length > length) || !text.All(char.IsAsciiDigit))
            {
                Problem(node, element, $"'{Short(text)}' is not {what}");
                return null;
            }

            return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }
    }
}

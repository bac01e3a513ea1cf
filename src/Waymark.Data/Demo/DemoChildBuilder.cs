using System.Globalization;
using System.Text;
using Bogus;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;

namespace Waymark.Data.Demo;

/// <summary>An external professional (not a Waymark user) named on children's records.</summary>
internal sealed record DemoContact(string Name, string Organisation, string Email, string Phone);

/// <summary>The demo accounts that children are linked to as key people.</summary>
internal sealed record DemoStaff(string SocialWorkerId, string TransitionLeadId, string SencoId);

/// <summary>Turns a <see cref="ChildPlan"/> into a child with its enrolments, statuses and key people.</summary>
internal sealed class DemoChildBuilder
{
    public const string SocialCareOrganisation = "Eastmoor Children's Social Care";
    public const string EarlyHelpOrganisation = "Eastmoor Early Help Service";

    // Neighbouring and other authorities that children moving in may have been given a UPN by.
    private static readonly int[] OtherLaCodes = [822, 821, 825, 826, 830, 831, 835, 840, 850, 855, 860, 873, 874, 881, 886, 919, 204, 209, 304, 316];

    private static readonly WeightedTable<SenPrimaryNeed> EhcpNeeds = new(
        (SenPrimaryNeed.ASD, 33), (SenPrimaryNeed.SLCN, 21), (SenPrimaryNeed.SEMH, 15), (SenPrimaryNeed.MLD, 7),
        (SenPrimaryNeed.SLD, 7), (SenPrimaryNeed.SPLD, 3), (SenPrimaryNeed.PD, 3.5), (SenPrimaryNeed.PMLD, 1.5),
        (SenPrimaryNeed.HI, 1.5), (SenPrimaryNeed.VI, 0.8), (SenPrimaryNeed.MSI, 0.2), (SenPrimaryNeed.OTH, 2.5));

    private static readonly WeightedTable<SenPrimaryNeed> SenSupportNeeds = new(
        (SenPrimaryNeed.SLCN, 24), (SenPrimaryNeed.SEMH, 21), (SenPrimaryNeed.MLD, 17), (SenPrimaryNeed.SPLD, 13),
        (SenPrimaryNeed.ASD, 10), (SenPrimaryNeed.OTH, 4), (SenPrimaryNeed.PD, 2), (SenPrimaryNeed.HI, 1.4),
        (SenPrimaryNeed.VI, 0.7), (SenPrimaryNeed.SLD, 0.5), (SenPrimaryNeed.PMLD, 0.1), (SenPrimaryNeed.MSI, 0.2),
        (SenPrimaryNeed.NSA, 3));

    private readonly Randomizer _random;
    private readonly DemoSchools _schools;
    private readonly DemoUpns _upns;
    private readonly int _laCode;
    private readonly DateOnly _today;
    private readonly AcademicYear _year;
    private readonly DateTime _stamp;
    private readonly DemoStaff _staff;
    private readonly IReadOnlyList<DemoContact> _socialWorkers;
    private readonly IReadOnlyList<DemoContact> _earlyHelpWorkers;
    private readonly List<Stint> _stints = new(6);

    private record struct Stint(DemoSchool School, DateOnly Start, DateOnly? End, EnrolmentType Type);

    public DemoChildBuilder(
        Randomizer random,
        DemoSchools schools,
        DemoUpns upns,
        int laCode,
        DateOnly today,
        DateTime stamp,
        DemoStaff staff,
        IReadOnlyList<DemoContact> socialWorkers,
        IReadOnlyList<DemoContact> earlyHelpWorkers)
    {
        _random = random;
        _schools = schools;
        _upns = upns;
        _laCode = laCode;
        _today = today;
        _year = AcademicYear.Containing(today);
        _stamp = stamp;
        _staff = staff;
        _socialWorkers = socialWorkers;
        _earlyHelpWorkers = earlyHelpWorkers;
    }

    /// <summary>Social workers and early help workers of the LA, enough for realistic caseloads.</summary>
    public static IReadOnlyList<DemoContact> Contacts(Randomizer random, int count, string organisation, string phonePrefix)
    {
        var emails = new HashSet<string>(StringComparer.Ordinal);
        var contacts = new List<DemoContact>(count);
        for (var i = 0; i < count; i++)
        {
            var (forename, surname) = DemoNames.Adult(random);
            var local = $"{Ascii(forename)}.{Ascii(surname)}";
            var email = $"{local}@{DemoAccounts.EmailDomain}";
            for (var n = 2; !emails.Add(email); n++)
            {
                email = string.Create(CultureInfo.InvariantCulture, $"{local}{n}@{DemoAccounts.EmailDomain}");
            }

            // 01632 960xxx is set aside by Ofcom for drama, so these numbers reach nobody.
            var phone = string.Create(CultureInfo.InvariantCulture, $"{phonePrefix}{i % 1000:D3}");
            contacts.Add(new DemoContact($"{forename} {surname}", organisation, email, phone));
        }

        return contacts;
    }

    private static string Ascii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    public Child Build(in ChildPlan plan)
    {
        var random = _random;
        var year = plan.Year;
        var receptionYear = _year.StartYear - year;
        var receptionStart = new DateOnly(receptionYear, 9, 1);
        var id = random.NextGuid();
        var dateOfBirth = random.DateBetween(new DateOnly(receptionYear - 5, 9, 1), new DateOnly(receptionYear - 4, 8, 31));

        var sexRoll = random.Double();
        var sex = sexRoll < 0.488 ? Sex.Female : sexRoll < 0.999 ? Sex.Male : Sex.Unknown;
        var ethnicity = DemoNames.EthnicityTable.Pick(random);
        var forename = DemoNames.Forename(random, ethnicity.Forenames, sex);
        var surnames = ethnicity.AlternativeSurnames is { } alternative && random.Bool() ? alternative : ethnicity.Surnames;
        var surname = random.Pick(surnames.Surnames);

        string? middleNames = null;
        var middleRoll = random.Double();
        if (middleRoll < 0.53)
        {
            middleNames = OtherForename(ethnicity.Forenames, sex, forename);
            if (middleRoll < 0.08)
            {
                middleNames += " " + OtherForename(ethnicity.Forenames, sex, forename);
            }
        }

        string? preferredForename = null;
        if (DemoNames.Nickname(random, forename) is { } nickname && random.Chance(0.3))
        {
            preferredForename = nickname;
        }
        else if (middleNames is not null && random.Chance(0.02))
        {
            preferredForename = middleNames.Split(' ')[0]; // known by a middle name
        }

        string? preferredSurname = null;
        if (random.Chance(0.015))
        {
            var other = random.Pick(surnames.Surnames);
            preferredSurname = other == surname ? null : other;
        }

        var child = new Child
        {
            Id = id,
            LegalForename = forename,
            MiddleNames = middleNames,
            LegalSurname = surname,
            PreferredForename = preferredForename,
            PreferredSurname = preferredSurname,
            DateOfBirth = dateOfBirth,
            Sex = sex,
            EthnicityCode = ethnicity.Code,
            FirstLanguage = ethnicity.Languages.Pick(random),
            CreatedAtUtc = _stamp,
            UpdatedAtUtc = _stamp,
        };

        // Where they have been to school, and where their UPN was first allocated.
        _stints.Clear();
        var upnLa = _laCode;
        int? upnEstablishment = null;
        var leftOn = BuildSchoolHistory(plan, receptionStart, ref upnLa, ref upnEstablishment);
        var firstStint = _stints[0];
        child.Upn = _upns.Permanent(upnLa, upnEstablishment ?? firstStint.School.EstablishmentNumber, receptionYear);

        foreach (var stint in _stints)
        {
            child.Enrolments.Add(new Enrolment
            {
                SchoolId = stint.School.Entity.Id,
                StartDate = stint.Start,
                EndDate = stint.End,
                Type = stint.Type,
            });
        }

        var lastSchool = _stints[^1].School;
        child.Postcode = DemoNames.Postcode(
            random, random.Chance(0.8) ? lastSchool.District : random.Number(1, DemoNames.PostcodeDistricts));

        // A few children were first known by a temporary UPN, replaced when the permanent one arrived.
        if (random.Chance(0.005))
        {
            var entryYear = AcademicYear.Containing(firstStint.Start).StartYear;
            var recorded = DemoRandom.Min(firstStint.Start.AddDays(random.Number(20, 90)), _today);
            child.FormerUpns.Add(new FormerUpn
            {
                Upn = _upns.Temporary(_laCode, firstStint.School.EstablishmentNumber, entryYear),
                RecordedAtUtc = recorded.ToDateTime(new TimeOnly(random.Number(8, 16), random.Number(0, 59)), DateTimeKind.Utc),
            });
        }

        var socialCareStart = AddSocialCare(child, plan, leftOn);
        var (senStart, senCurrent) = AddSen(child, plan, receptionStart, leftOn);
        AddOtherStatuses(child, plan, leftOn);

        // The demo primary's own staff are key people for its pupils.
        if (plan.Category == ChildCategory.OnRoll && plan.School == _schools.FirstPrimary.Index)
        {
            var onRollSince = _stints[^1].Start;
            if (senCurrent && senStart is { } s)
            {
                AddKeyPerson(child, KeyPersonRole.Senco, _staff.SencoId, null, DemoRandom.Max(s, onRollSince), null);
            }

            if (year is 5 or 6 && socialCareStart is { } c
                && plan.SocialCare is SocialCare.ChildInNeed or SocialCare.ChildProtection)
            {
                AddKeyPerson(child, KeyPersonRole.TransitionLead, _staff.TransitionLeadId, null, DemoRandom.Max(c, onRollSince), null);
            }
        }

        child.RefreshSearchName();
        return child;
    }

    private string OtherForename(DemoNames.NamePool pool, Sex sex, string not)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var name = DemoNames.Forename(_random, pool, sex);
            if (name != not)
            {
                return name;
            }
        }

        return sex == Sex.Female ? "Rose" : "James";
    }

    /// <summary>Fills <see cref="_stints"/>; returns the day the child left school, if they are no longer on any roll.</summary>
    private DateOnly? BuildSchoolHistory(in ChildPlan plan, DateOnly receptionStart, ref int upnLa, ref int? upnEstablishment)
    {
        var random = _random;
        var year = plan.Year;
        var receptionYear = receptionStart.Year;
        var primaryEnd = new DateOnly(receptionYear + 7, 8, 31);
        var secondaryStart = new DateOnly(receptionYear + 7, 9, 1);
        var yearElevenEnd = new DateOnly(receptionYear + 12, 8, 31);
        var current = plan.School >= 0 ? _schools.All[plan.School] : null;

        switch (plan.Category)
        {
            case ChildCategory.OnRoll:
                if (year <= 6)
                {
                    PrimaryYears(current!, receptionStart, null, ref upnLa, ref upnEstablishment);
                }
                else
                {
                    PrimaryYears(_schools.Primaries.Pick(random), receptionStart, primaryEnd, ref upnLa, ref upnEstablishment);
                    if (year <= 11 || random.Chance(0.8))
                    {
                        // The school they moved from may have no sixth form, so any move was before Year 12.
                        SecondaryYears(current!, secondaryStart, null, yearElevenEnd.AddDays(-30));
                    }
                    else
                    {
                        // Moved for the sixth form.
                        Add(OtherSecondary(current!), secondaryStart, yearElevenEnd);
                        Add(current!, yearElevenEnd.AddDays(1), null);
                    }
                }

                if (plan.DualRegistered)
                {
                    var main = _stints[^1];
                    _stints[^1] = main with { Type = EnrolmentType.DualMain };
                    var from = random.DateBetween(DemoRandom.Max(main.Start.AddDays(30), _today.AddDays(-300)), _today);
                    Add(_schools.AlternativeProvision.Pick(random), from, null, EnrolmentType.DualSubsidiary);
                }

                return null;

            case ChildCategory.Special:
                if (year <= 6)
                {
                    var joined = random.Number(receptionYear, _year.StartYear);
                    if (joined > receptionYear)
                    {
                        PrimaryYears(_schools.Primaries.Pick(random), receptionStart, new DateOnly(joined, 8, 31), ref upnLa, ref upnEstablishment);
                    }

                    Add(current!, new DateOnly(joined, 9, 1), null);
                }
                else
                {
                    // Everyone in Year 7 and above came from a mainstream primary.
                    PrimaryYears(_schools.Primaries.Pick(random), receptionStart, primaryEnd, ref upnLa, ref upnEstablishment);
                    var joined = random.Number(receptionYear + 7, Math.Min(_year.StartYear, receptionYear + 11));
                    if (joined > receptionYear + 7)
                    {
                        Add(_schools.Secondaries.Pick(random), secondaryStart, new DateOnly(joined, 8, 31));
                    }

                    Add(current!, new DateOnly(joined, 9, 1), null);
                }

                return null;

            case ChildCategory.ExcludedToAp:
            {
                PrimaryYears(_schools.Primaries.Pick(random), receptionStart, primaryEnd, ref upnLa, ref upnEstablishment);
                var excluded = random.DateBetween(DemoRandom.Max(secondaryStart.AddDays(60), _today.AddDays(-365)), _today.AddDays(-1));
                Add(_schools.Secondaries.Pick(random), secondaryStart, excluded.AddDays(-1));
                Add(current!, excluded, null);
                return null;
            }

            case ChildCategory.LeftAfterSixteen:
            {
                var yearsAtSchool = year switch
                {
                    12 => 12,
                    13 => random.Chance(0.6) ? 12 : 13,
                    _ => random.Double() switch { < 0.4 => 12, < 0.55 => 13, _ => 14 },
                };
                var left = new DateOnly(receptionYear + yearsAtSchool, 8, 31);
                PrimaryYears(_schools.Primaries.Pick(random), receptionStart, primaryEnd, ref upnLa, ref upnEstablishment);
                if (yearsAtSchool == 12)
                {
                    SecondaryYears(_schools.Secondaries.Pick(random), secondaryStart, left);
                }
                else
                {
                    Add(_schools.SixthForms.Pick(random), secondaryStart, left);
                }

                return left;
            }

            default:
            {
                // Moved away, home educated or missing education: left at some point in the last 18 months.
                var left = random.DateBetween(DemoRandom.Max(receptionStart.AddDays(60), _today.AddDays(-540)), _today.AddDays(-1));
                var yearWhenLeft = year - (_year.StartYear - AcademicYear.Containing(left).StartYear);
                if (yearWhenLeft <= 6)
                {
                    PrimaryYears(_schools.Primaries.Pick(random), receptionStart, left, ref upnLa, ref upnEstablishment);
                }
                else
                {
                    PrimaryYears(_schools.Primaries.Pick(random), receptionStart, primaryEnd, ref upnLa, ref upnEstablishment);
                    if (yearWhenLeft <= 11)
                    {
                        SecondaryYears(_schools.Secondaries.Pick(random), secondaryStart, left);
                    }
                    else
                    {
                        Add(_schools.SixthForms.Pick(random), secondaryStart, left);
                    }
                }

                return left;
            }
        }
    }

    private void Add(DemoSchool school, DateOnly start, DateOnly? end, EnrolmentType type = EnrolmentType.Single) =>
        _stints.Add(new Stint(school, start, end, type));

    private DemoSchool OtherSecondary(DemoSchool not)
    {
        var list = _schools.SecondaryList;
        if (list.Count < 2)
        {
            return not;
        }

        var other = list[_random.Number(0, list.Count - 2)];
        return ReferenceEquals(other, not) ? list[^1] : other;
    }

    /// <summary>Reception to <paramref name="end"/> (null: still there), ending at <paramref name="school"/>.</summary>
    private void PrimaryYears(DemoSchool school, DateOnly receptionStart, DateOnly? end, ref int upnLa, ref int? upnEstablishment)
    {
        var random = _random;

        // Pupils of a school that has since closed moved across when it shut.
        if (school.ClosedPredecessor is { ClosedOn: { } closedOn } predecessor && receptionStart <= closedOn && random.Chance(0.6))
        {
            if (end is { } e && e <= closedOn)
            {
                Add(predecessor, receptionStart, e);
            }
            else
            {
                Add(predecessor, receptionStart, closedOn);
                Add(school, closedOn.AddDays(1), end);
            }

            return;
        }

        var moveFrom = receptionStart.AddDays(200);
        var moveTo = (end ?? _today).AddDays(-30);
        if (moveTo > moveFrom)
        {
            var roll = random.Double();
            if (roll < 0.05)
            {
                // Moved into Eastmoor, with a UPN from their first school elsewhere.
                upnLa = random.Pick(OtherLaCodes);
                upnEstablishment = random.Number(2000, 3999);
                Add(school, random.DateBetween(moveFrom, moveTo), end);
                return;
            }

            if (roll < 0.09 && _schools.PrimaryList.Count > 1)
            {
                var list = _schools.PrimaryList;
                var other = list[random.Number(0, list.Count - 2)];
                other = ReferenceEquals(other, school) ? list[^1] : other;
                var moved = random.DateBetween(moveFrom, moveTo);
                Add(other, receptionStart, moved.AddDays(-1));
                Add(school, moved, end);
                return;
            }
        }

        Add(school, receptionStart, end);
    }

    /// <summary>From Year 7 to <paramref name="end"/> (null: still there), ending at <paramref name="school"/>.</summary>
    /// <param name="lastMove">A move between schools happens no later than this (before the sixth form, say).</param>
    private void SecondaryYears(DemoSchool school, DateOnly start, DateOnly? end, DateOnly? lastMove = null)
    {
        var moveFrom = start.AddDays(120);
        var moveTo = DemoRandom.Min((end ?? _today).AddDays(-30), lastMove ?? DateOnly.MaxValue);
        if (moveTo > moveFrom && _random.Chance(0.03))
        {
            var moved = _random.DateBetween(moveFrom, moveTo);
            Add(OtherSecondary(school), start, moved.AddDays(-1));
            Add(school, moved, end);
            return;
        }

        Add(school, start, end);
    }

    private void AddStatus(Child child, ChildStatusType type, DateOnly start, DateOnly? end, SenPrimaryNeed? need = null) =>
        child.Statuses.Add(new ChildStatus { Type = type, StartDate = start, EndDate = end, PrimaryNeed = need });

    private static void AddKeyPerson(Child child, KeyPersonRole role, string? userId, DemoContact? contact, DateOnly start, DateOnly? end) =>
        child.KeyPeople.Add(new KeyPerson
        {
            Role = role,
            UserId = userId,
            ExternalName = contact?.Name,
            ExternalOrganisation = contact?.Organisation,
            ExternalEmail = contact?.Email,
            ExternalPhone = contact?.Phone,
            StartDate = start,
            EndDate = end,
        });

    /// <summary>CIN, CP and looked-after episodes with their history and social workers; returns the current episode's start.</summary>
    private DateOnly? AddSocialCare(Child child, in ChildPlan plan, DateOnly? leftOn)
    {
        var random = _random;
        var dob = child.DateOfBirth;
        var earliest = dob.AddDays(30);

        if (plan.SocialCare == SocialCare.None)
        {
            // Some children had a plan that has since closed.
            var lastEnd = _today.AddDays(-30);
            if (random.Chance(0.01) && lastEnd > earliest.AddDays(120))
            {
                var end = random.DateBetween(DemoRandom.Max(earliest.AddDays(120), _today.AddDays(-1000)), lastEnd);
                var start = DemoRandom.Max(earliest, end.AddDays(-random.Number(90, 400)));
                AddStatus(child, ChildStatusType.ChildInNeed, start, end);
                AddKeyPerson(child, KeyPersonRole.SocialWorker, null, random.Pick(_socialWorkers), start, end);
            }

            return null;
        }

        // Moving away closes the episode (the new authority takes over); so does turning 18.
        var eighteenth = dob.AddYears(18);
        DateOnly? closes = plan.Category == ChildCategory.MovedAway ? leftOn : null;
        var agedOut = eighteenth <= (closes ?? _today);
        if (agedOut)
        {
            closes = eighteenth.AddDays(-1);
        }

        var latestStart = closes?.AddDays(-30) ?? _today;
        if (plan.SocialCareBeforeThisYear)
        {
            latestStart = DemoRandom.Min(latestStart, _year.Start.AddDays(-30));
        }

        DateOnly episodeStart;
        DateOnly chainStart;
        switch (plan.SocialCare)
        {
            case SocialCare.ChildInNeed:
                episodeStart = random.DateBetween(DemoRandom.Max(earliest, latestStart.AddDays(-730)), latestStart);
                chainStart = episodeStart;
                if (random.Chance(0.3))
                {
                    // Stepped up from early help.
                    var helpStart = DemoRandom.Max(dob, episodeStart.AddDays(-random.Number(120, 500)));
                    if (helpStart < episodeStart)
                    {
                        AddStatus(child, ChildStatusType.EarlyHelp, helpStart, episodeStart.AddDays(-1));
                    }
                }

                AddStatus(child, ChildStatusType.ChildInNeed, episodeStart, closes);
                break;

            case SocialCare.ChildProtection:
                episodeStart = random.DateBetween(DemoRandom.Max(earliest, latestStart.AddDays(-540)), latestStart);
                chainStart = episodeStart;
                if (random.Chance(0.6))
                {
                    var inNeedStart = DemoRandom.Max(earliest, episodeStart.AddDays(-random.Number(60, 400)));
                    if (inNeedStart < episodeStart)
                    {
                        AddStatus(child, ChildStatusType.ChildInNeed, inNeedStart, episodeStart.AddDays(-1));
                        chainStart = inNeedStart;
                    }
                }

                AddStatus(child, ChildStatusType.ChildProtectionPlan, episodeStart, closes);
                break;

            default:
                episodeStart = random.DateBetween(DemoRandom.Max(earliest, latestStart.AddDays(-3650)), latestStart);
                chainStart = episodeStart;
                if (random.Chance(0.4))
                {
                    var protectionStart = DemoRandom.Max(earliest, episodeStart.AddDays(-random.Number(60, 365)));
                    if (protectionStart < episodeStart)
                    {
                        AddStatus(child, ChildStatusType.ChildProtectionPlan, protectionStart, episodeStart.AddDays(-1));
                        chainStart = protectionStart;
                    }
                }

                AddStatus(child, ChildStatusType.LookedAfter, episodeStart, closes);
                if (agedOut && plan.Category != ChildCategory.MovedAway)
                {
                    AddStatus(child, ChildStatusType.CareLeaver, eighteenth, null);
                }

                break;
        }

        // A social worker throughout, sometimes changed along the way.
        var currentFrom = chainStart;
        var lastDay = closes ?? _today;
        if (random.Chance(0.25) && lastDay.DayNumber - chainStart.DayNumber > 120)
        {
            var change = random.DateBetween(chainStart.AddDays(60), lastDay.AddDays(-30));
            AddKeyPerson(child, KeyPersonRole.SocialWorker, null, random.Pick(_socialWorkers), chainStart, change.AddDays(-1));
            currentFrom = change;
        }

        if (plan.DemoCaseload && closes is null)
        {
            AddKeyPerson(child, KeyPersonRole.SocialWorker, _staff.SocialWorkerId, null, currentFrom, null);
        }
        else
        {
            AddKeyPerson(child, KeyPersonRole.SocialWorker, null, random.Pick(_socialWorkers), currentFrom, closes);
        }

        return closes is null ? episodeStart : null;
    }

    /// <summary>SEN support and EHC plan episodes; returns the current episode's start.</summary>
    private (DateOnly? Start, bool Current) AddSen(Child child, in ChildPlan plan, DateOnly receptionStart, DateOnly? leftOn)
    {
        var random = _random;
        DateOnly? closes = plan.Category == ChildCategory.MovedAway ? leftOn : null;
        var latestStart = closes?.AddDays(-30) ?? _today;

        switch (plan.Sen)
        {
            case SenLevel.SenSupport:
            {
                var start = random.DateBetween(DemoRandom.Max(receptionStart, latestStart.AddYears(-5)), latestStart);
                AddStatus(child, ChildStatusType.SenSupport, start, closes, SenSupportNeeds.Pick(random));
                return (start, closes is null);
            }

            case SenLevel.EhcPlan:
            {
                // A special school place follows the plan.
                var latest = plan.Category == ChildCategory.Special
                    ? DemoRandom.Min(_stints[^1].Start, latestStart)
                    : latestStart;
                var earliest = DemoRandom.Min(DemoRandom.Max(child.DateOfBirth.AddYears(3), latestStart.AddYears(-8)), latest);
                var start = random.DateBetween(earliest, latest);
                if (random.Chance(0.5))
                {
                    var supportStart = DemoRandom.Max(child.DateOfBirth.AddYears(2), start.AddDays(-random.Number(180, 900)));
                    if (supportStart < start)
                    {
                        AddStatus(child, ChildStatusType.SenSupport, supportStart, start.AddDays(-1), SenSupportNeeds.Pick(random));
                    }
                }

                AddStatus(child, ChildStatusType.EhcPlan, start, closes, EhcpNeeds.Pick(random));
                return (start, closes is null);
            }

            default:
            {
                // Needs met: SEN support that has ended.
                var lastEnd = _today.AddDays(-30);
                var firstEnd = DemoRandom.Max(receptionStart.AddDays(120), _today.AddDays(-1000));
                if (random.Chance(0.007) && lastEnd > firstEnd)
                {
                    var end = random.DateBetween(firstEnd, lastEnd);
                    var start = DemoRandom.Max(receptionStart, end.AddDays(-random.Number(150, 700)));
                    AddStatus(child, ChildStatusType.SenSupport, start, end, SenSupportNeeds.Pick(random));
                }

                return (null, false);
            }
        }
    }

    private void AddOtherStatuses(Child child, in ChildPlan plan, DateOnly? leftOn)
    {
        var random = _random;
        var dob = child.DateOfBirth;

        if (plan.EarlyHelp)
        {
            var start = random.DateBetween(DemoRandom.Max(dob, _today.AddDays(-365)), _today);
            AddStatus(child, ChildStatusType.EarlyHelp, start, null);
            AddKeyPerson(child, KeyPersonRole.LeadProfessional, null, random.Pick(_earlyHelpWorkers), start, null);
        }
        else if (plan.SocialCare == SocialCare.None && random.Chance(0.005))
        {
            var end = random.DateBetween(DemoRandom.Max(dob.AddDays(200), _today.AddDays(-700)), _today.AddDays(-30));
            var start = DemoRandom.Max(dob, end.AddDays(-random.Number(90, 300)));
            if (start < end)
            {
                AddStatus(child, ChildStatusType.EarlyHelp, start, end);
            }
        }

        if (plan.YoungCarer && dob.AddYears(6) <= _today)
        {
            AddStatus(child, ChildStatusType.YoungCarer, random.DateBetween(DemoRandom.Max(dob.AddYears(6), _today.AddYears(-3)), _today), null);
        }

        if (leftOn is { } left)
        {
            if (plan.Category == ChildCategory.HomeEducated)
            {
                AddStatus(child, ChildStatusType.ElectiveHomeEducation, left.AddDays(1), null);
            }
            else if (plan.Category == ChildCategory.MissingEducation)
            {
                AddStatus(child, ChildStatusType.ChildMissingEducation, DemoRandom.Min(left.AddDays(random.Number(5, 20)), _today), null);
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.Kpis;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Domain.Send;
using Waymark.Domain.Transitions;

namespace Waymark.Data.Kpis;

/// <summary>What one indicator's figures are broken down by.</summary>
public enum KpiDimension
{
    Phase,
    School,
    YearGroup,
    VulnerableGroup,
}

public sealed record KpiRow(string Group, KpiCell Cell, int? Urn = null);

/// <summary>One indicator in one academic year: the whole (LA or school) and its breakdowns.</summary>
public sealed record KpiYear(Indicator Indicator, AcademicYear Year, KpiCell All, IReadOnlyDictionary<KpiDimension, IReadOnlyList<KpiRow>> Breakdowns)
{
    public KpiCell ForPhase(SchoolPhase phase) =>
        Breakdowns[KpiDimension.Phase].FirstOrDefault(r => r.Group == SchoolPhases.DisplayName(phase))?.Cell ?? default;

    /// <summary>The rows of one breakdown; empty when the indicator has none by that dimension.</summary>
    public IReadOnlyList<KpiRow> By(KpiDimension dimension) => Breakdowns.GetValueOrDefault(dimension) ?? [];
}

/// <summary>
/// Computes the indicators of <see cref="Indicators"/> from the records: one contribution per counted unit (an
/// enrolment's sessions, a suspension, a reduced timetable, a pupil on roll), then summed by phase, school, year group
/// and vulnerable group in memory. <c>schoolId</c> limits everything to one school (school staff's view).
/// </summary>
public sealed class KpiFigures(WaymarkDbContext db)
{
    /// <summary>The groups the breakdown by vulnerable group shows, in order; a child may be in several.</summary>
    public static readonly IReadOnlyList<ChildStatusType> VulnerableGroups =
    [
        ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan, ChildStatusType.LookedAfter,
        ChildStatusType.EhcPlan, ChildStatusType.SenSupport, ChildStatusType.FreeSchoolMeals,
    ];

    // A counted unit: a child's (with their date of birth and year group offset), or a family plan's (no child). A unit
    // without a school (a plan no school leads) counts in the LA's total but in no phase or school.
    private sealed record Unit(int? SchoolId, Guid? ChildId, DateOnly DateOfBirth, int YearGroupOffset, KpiCell Cell);

    private sealed record SchoolInfo(int Id, int Urn, string Name, SchoolPhase Phase);

    /// <summary>Academic years with attendance marks, oldest first, up to the current one.</summary>
    public async Task<IReadOnlyList<AcademicYear>> YearsAsync(DateOnly today, CancellationToken ct = default)
    {
        var current = AcademicYear.Containing(today).StartYear;
        var years = await db.AttendanceYears.AsNoTracking().Where(y => y.AcademicYear <= current).Select(y => y.AcademicYear).Distinct().ToListAsync(ct);
        return years.Append(current).Distinct().Order().Select(y => new AcademicYear(y)).ToList();
    }

    public async Task<KpiYear> ComputeAsync(Indicator indicator, AcademicYear year, DateOnly today, int? schoolId = null, CancellationToken ct = default)
    {
        var asOf = today < year.End ? today : year.End;
        var schools = await db.Schools.AsNoTracking()
            .Where(s => schoolId == null || s.Id == schoolId)
            .Select(s => new SchoolInfo(s.Id, s.Urn, s.Name, s.Phase))
            .ToDictionaryAsync(s => s.Id, ct);
        var units = await UnitsAsync(indicator, year, asOf, schoolId, ct);

        var childIds = units.Where(u => u.ChildId is not null).Select(u => u.ChildId!.Value).Distinct().ToList();
        var groupsOf = await GroupsAsync(childIds, asOf, ct);

        var all = default(KpiCell);
        var byPhase = new Dictionary<SchoolPhase, KpiCell>();
        var bySchool = new Dictionary<int, KpiCell>();
        var byYearGroup = new Dictionary<int, KpiCell>();
        var byGroup = new Dictionary<ChildStatusType, KpiCell>();
        var none = default(KpiCell);
        foreach (var unit in units)
        {
            SchoolInfo? school = null;
            if (unit.SchoolId is int id ? !schools.TryGetValue(id, out school) : schoolId is not null)
            {
                continue;
            }

            all += unit.Cell;
            if (school is not null)
            {
                if (Indicators.ReportedPhaseOf(school.Phase) is SchoolPhase phase)
                {
                    byPhase[phase] = byPhase.GetValueOrDefault(phase) + unit.Cell;
                }

                bySchool[school.Id] = bySchool.GetValueOrDefault(school.Id) + unit.Cell;
            }

            if (unit.ChildId is not Guid childId)
            {
                continue;
            }

            var nc = NationalCurriculumYear.ForChild(unit.DateOfBirth, year, unit.YearGroupOffset)?.Value ?? int.MinValue;
            byYearGroup[nc] = byYearGroup.GetValueOrDefault(nc) + unit.Cell;
            if (groupsOf.TryGetValue(childId, out var groups))
            {
                foreach (var g in groups)
                {
                    byGroup[g] = byGroup.GetValueOrDefault(g) + unit.Cell;
                }
            }
            else
            {
                none += unit.Cell;
            }
        }

        var breakdowns = new Dictionary<KpiDimension, IReadOnlyList<KpiRow>>
        {
            [KpiDimension.Phase] = Indicators.ReportedPhases.Select(p => new KpiRow(SchoolPhases.DisplayName(p), byPhase.GetValueOrDefault(p))).ToList(),
            [KpiDimension.School] = schools.Values.Where(s => bySchool.ContainsKey(s.Id))
                .OrderBy(s => s.Name, StringComparer.CurrentCulture)
                .Select(s => new KpiRow(s.Name, bySchool[s.Id], s.Urn)).ToList(),
        };
        if (indicator.PerChild)
        {
            breakdowns[KpiDimension.YearGroup] = byYearGroup.OrderBy(g => g.Key == int.MinValue).ThenBy(g => g.Key)
                .Select(g => new KpiRow(g.Key == int.MinValue ? AttendanceBreakdowns.YearGroupNotKnown : new NcYear(g.Key).DisplayName, g.Value)).ToList();
            breakdowns[KpiDimension.VulnerableGroup] = VulnerableGroups
                .Select(g => new KpiRow(ChildStatusTypes.DisplayName(g), byGroup.GetValueOrDefault(g)))
                .Append(new KpiRow(AttendanceBreakdowns.NoneOfTheseGroups, none)).ToList();
        }

        return new KpiYear(indicator, year, all, breakdowns);
    }

    private async Task<Dictionary<Guid, ChildStatusType[]>> GroupsAsync(List<Guid> childIds, DateOnly asOf, CancellationToken ct)
    {
        var result = new Dictionary<Guid, ChildStatusType[]>();
        foreach (var chunk in childIds.Chunk(1000))
        {
            var statuses = await db.ChildStatuses.AsNoTracking()
                .Where(s => chunk.Contains(s.ChildId) && VulnerableGroups.Contains(s.Type) && s.StartDate <= asOf && (s.EndDate == null || s.EndDate >= asOf))
                .Select(s => new { s.ChildId, s.Type })
                .ToListAsync(ct);
            foreach (var g in statuses.GroupBy(s => s.ChildId))
            {
                result[g.Key] = g.Select(s => s.Type).Distinct().ToArray();
            }
        }

        return result;
    }

    private async Task<List<Unit>> UnitsAsync(Indicator indicator, AcademicYear year, DateOnly asOf, int? schoolId, CancellationToken ct)
    {
        if (indicator == Indicators.OverallAbsence || indicator == Indicators.PersistentAbsence || indicator == Indicators.SevereAbsence
            || indicator == Indicators.ChronicallyAbsent)
        {
            return await AttendanceUnitsAsync(indicator, year, asOf, schoolId, ct);
        }

        if (indicator == Indicators.ChronicAbsenceLeadProfessionalAndPlan)
        {
            return await ChronicAbsencePlanUnitsAsync(year, asOf, schoolId, ct);
        }

        if (indicator == Indicators.TransitionPassportsShared)
        {
            return await PassportUnitsAsync(year, asOf, schoolId, ct);
        }

        if (indicator == Indicators.EarlyHelpReviewsOnTime)
        {
            return await EarlyHelpReviewUnitsAsync(year, asOf, schoolId, ct);
        }

        if (indicator == Indicators.EhcPlansWithin20Weeks)
        {
            return await EhcPlanUnitsAsync(year, asOf, ct);
        }

        if (indicator == Indicators.PhaseTransfersAmendedInTime)
        {
            return await PhaseTransferUnitsAsync(year, asOf, ct);
        }

        if (indicator == Indicators.SuspensionRate || indicator == Indicators.PermanentExclusionRate)
        {
            return await ExclusionUnitsAsync(indicator == Indicators.SuspensionRate ? ExclusionKind.Suspension : ExclusionKind.PermanentExclusion,
                year, asOf, schoolId, ct);
        }

        if (indicator == Indicators.ReducedTimetablesStarted)
        {
            return await ReducedTimetableUnitsAsync(year, asOf, schoolId, ct);
        }

        throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Code, "No figures are computed for this indicator.");
    }

    // One enrolment (a child's year of marks at a school) in DfE's cohort, as CohortFigures counts it.
    private async Task<List<Unit>> AttendanceUnitsAsync(Indicator indicator, AcademicYear year, DateOnly asOf, int? schoolId, CancellationToken ct)
    {
        var units = new List<Unit>();
        var rows = db.AttendanceYears.AsNoTracking()
            .Where(y => y.AcademicYear == year.StartYear && (schoolId == null || y.SchoolId == schoolId))
            .Select(y => new { y.ChildId, y.SchoolId, y.Marks, y.Child!.DateOfBirth, y.Child.YearGroupOffset });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var sessions = new YearMarks(year, row.Marks).Count(year.Start, asOf);
            if (!StatisticsCohort.Counts(row.DateOfBirth, year, sessions))
            {
                continue;
            }

            units.Add(new Unit(row.SchoolId, row.ChildId, row.DateOfBirth, row.YearGroupOffset, CellFor(indicator, sessions)));
        }

        return units;
    }

    /// <summary>An enrolment's contribution to an absence indicator (the arithmetic of <see cref="CohortFigures"/>).</summary>
    public static KpiCell CellFor(Indicator indicator, SessionCounts sessions) =>
        indicator == Indicators.OverallAbsence ? new KpiCell(sessions.Absent, sessions.Possible)
        : indicator == Indicators.PersistentAbsence ? new KpiCell(sessions.IsPersistentlyAbsent ? 1 : 0, 1)
        : indicator == Indicators.SevereAbsence ? new KpiCell(sessions.IsSeverelyAbsent ? 1 : 0, 1)
        : indicator == Indicators.ChronicallyAbsent ? new KpiCell(sessions.IsSeverelyAbsent ? 1 : 0, 0)
        : throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Code, "Not an absence indicator.");

    // The chronically absent enrolments (the denominator), each counted when their child has both a named Lead
    // Professional and a plan on the day (seed 002 §24): an early help plan agreed and open with a Lead Professional
    // in post, or an open social care case; the Lead Professional may also be the allocated social worker or a key
    // person recorded as the child's Lead Professional.
    private async Task<List<Unit>> ChronicAbsencePlanUnitsAsync(AcademicYear year, DateOnly asOf, int? schoolId, CancellationToken ct)
    {
        var chronic = (await AttendanceUnitsAsync(Indicators.SevereAbsence, year, asOf, schoolId, ct)).Where(u => u.Cell.Numerator == 1).ToList();
        var childIds = chronic.Select(u => u.ChildId!.Value).Distinct().ToList();
        var withPlan = new HashSet<Guid>();
        var withLeadProfessional = new HashSet<Guid>();
        foreach (var chunk in childIds.Chunk(1000))
        {
            var openPlans = db.EarlyHelpPlans.AsNoTracking()
                .Where(p => p.AgreedOn != null && p.AgreedOn <= asOf && (p.ClosedOn == null || p.ClosedOn > asOf))
                .Select(p => new { p.Id, HasLeadProfessional = p.LeadProfessionals.Any(l => l.StartedOn <= asOf && (l.EndedOn == null || l.EndedOn >= asOf)) });
            var earlyHelp = await db.FamilyMembers.AsNoTracking()
                .Where(m => m.ChildId != null && chunk.Contains(m.ChildId.Value))
                .Join(openPlans, m => m.PlanId, p => p.Id, (m, p) => new { ChildId = m.ChildId!.Value, p.HasLeadProfessional })
                .ToListAsync(ct);
            foreach (var e in earlyHelp)
            {
                withPlan.Add(e.ChildId);
                if (e.HasLeadProfessional)
                {
                    withLeadProfessional.Add(e.ChildId);
                }
            }

            withPlan.UnionWith(await db.ChildStatuses.AsNoTracking()
                .Where(s => chunk.Contains(s.ChildId) && SocialCareCases.Contains(s.Type) && s.StartDate <= asOf && (s.EndDate == null || s.EndDate >= asOf))
                .Select(s => s.ChildId).ToListAsync(ct));
            withLeadProfessional.UnionWith(await db.KeyPeople.AsNoTracking()
                .Where(k => chunk.Contains(k.ChildId) && (k.Role == KeyPersonRole.LeadProfessional || k.Role == KeyPersonRole.SocialWorker)
                    && k.StartDate <= asOf && (k.EndDate == null || k.EndDate >= asOf))
                .Select(k => k.ChildId).ToListAsync(ct));
        }

        return chronic.Select(u => u with { Cell = new KpiCell(withPlan.Contains(u.ChildId!.Value) && withLeadProfessional.Contains(u.ChildId.Value) ? 1 : 0, 1) })
            .ToList();
    }

    /// <summary>Tier 3 and 4 services: an open case among these is a plan for the chronic absence indicator.</summary>
    public static readonly IReadOnlyList<ChildStatusType> SocialCareCases =
        [ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan, ChildStatusType.LookedAfter];

    // Each child confirmed in the year's cohort, at their primary school, counted when a share of the Transition
    // Passport was made for their transition by the day (a share later ended still reached the school).
    private async Task<List<Unit>> PassportUnitsAsync(AcademicYear year, DateOnly asOf, int? schoolId, CancellationToken ct)
    {
        var cohort = await db.Transitions.AsNoTracking()
            .Where(t => t.CohortYear == year.StartYear && t.Decision == CohortDecision.Confirmed && (schoolId == null || t.SendingSchoolId == schoolId))
            .Select(t => new { t.Id, t.ChildId, t.SendingSchoolId, t.Child!.DateOfBirth, t.Child.YearGroupOffset })
            .ToListAsync(ct);
        var ids = cohort.Select(t => t.Id).ToList();
        var shared = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(1000))
        {
            var shares = await db.InformationShares.AsNoTracking()
                .Where(s => s.TransitionId != null && chunk.Contains(s.TransitionId.Value) && s.What == Sharing.TransitionWhat)
                .Select(s => new { TransitionId = s.TransitionId!.Value, s.SharedOn, s.SharedAtUtc })
                .ToListAsync(ct);
            shared.UnionWith(shares.Where(s => (s.SharedOn ?? DateOnly.FromDateTime(s.SharedAtUtc)) <= asOf).Select(s => s.TransitionId));
        }

        return cohort.Select(t => new Unit(t.SendingSchoolId, t.ChildId, t.DateOfBirth, t.YearGroupOffset, new KpiCell(shared.Contains(t.Id) ? 1 : 0, 1)))
            .ToList();
    }

    // Each review of an agreed plan falling due in the year so far (ReviewSchedule.ReviewsDue), at the school leading
    // the plan; a plan counts per family, so it has no child.
    private async Task<List<Unit>> EarlyHelpReviewUnitsAsync(AcademicYear year, DateOnly asOf, int? schoolId, CancellationToken ct)
    {
        var plans = await db.EarlyHelpPlans.AsNoTracking()
            .Where(p => p.AgreedOn != null && p.AgreedOn <= asOf && (p.ClosedOn == null || p.ClosedOn >= year.Start) && (schoolId == null || p.LeadSchoolId == schoolId))
            .Select(p => new { AgreedOn = p.AgreedOn!.Value, p.ClosedOn, p.LeadSchoolId, Reviews = p.Reviews.Select(r => r.HeldOn).ToList() })
            .ToListAsync(ct);
        return plans.SelectMany(p => ReviewSchedule.ReviewsDue(p.AgreedOn, p.Reviews, p.ClosedOn, year.Start, asOf)
                .Select(r => new Unit(p.LeadSchoolId, null, default, 0, new KpiCell(r.OnTime ? 1 : 0, 1))))
            .ToList();
    }

    // Each final plan issued in the year so far, counted when issued within 20 weeks of the request; a plan with a
    // recorded exception is left out (NeedsAssessmentClock.FinalPlanInTime is null for it), as SEN2 does.
    private async Task<List<Unit>> EhcPlanUnitsAsync(AcademicYear year, DateOnly asOf, CancellationToken ct)
    {
        var issued = await db.EhcNeedsAssessments.AsNoTracking()
            .Where(a => a.FinalPlanOn != null && a.FinalPlanOn >= year.Start && a.FinalPlanOn <= asOf && a.Exception == null)
            .Select(a => new { a.ChildId, a.RequestedOn, FinalPlanOn = a.FinalPlanOn!.Value, a.Child!.DateOfBirth, a.Child.YearGroupOffset })
            .ToListAsync(ct);
        var schoolOn = await SchoolsOnAsync(issued.Select(a => (a.ChildId, a.FinalPlanOn)), ct);
        return issued
            .Select(a => (a, InTime: NeedsAssessmentClock.FinalPlanInTime(new NeedsAssessmentDates(a.RequestedOn, FinalPlanOn: a.FinalPlanOn))))
            .Where(x => x.InTime is not null)
            .Select(x => new Unit(schoolOn.GetValueOrDefault((x.a.ChildId, x.a.FinalPlanOn)), x.a.ChildId, x.a.DateOfBirth, x.a.YearGroupOffset,
                new KpiCell(x.InTime!.Value ? 1 : 0, 1)))
            .ToList();
    }

    // Each phase transfer whose deadline fell in the year and has passed, counted when the plan was amended by it.
    private async Task<List<Unit>> PhaseTransferUnitsAsync(AcademicYear year, DateOnly asOf, CancellationToken ct)
    {
        var due = await db.EhcPhaseTransfers.AsNoTracking()
            .Where(t => t.DueOn >= year.Start && t.DueOn <= asOf)
            .Select(t => new { t.ChildId, t.DueOn, t.AmendedOn, t.Child!.DateOfBirth, t.Child.YearGroupOffset })
            .ToListAsync(ct);
        var schoolOn = await SchoolsOnAsync(due.Select(t => (t.ChildId, t.DueOn)), ct);
        return due.Select(t => new Unit(schoolOn.GetValueOrDefault((t.ChildId, t.DueOn)), t.ChildId, t.DateOfBirth, t.YearGroupOffset,
                new KpiCell(PhaseTransfers.AmendedInTime(t.DueOn, t.AmendedOn) ? 1 : 0, 1)))
            .ToList();
    }

    // The school each child was on roll at on a day: their single or main registration, not a subsidiary one (the
    // alternative provision of a dual registration); none for a child at no school then.
    private async Task<Dictionary<(Guid ChildId, DateOnly On), int?>> SchoolsOnAsync(IEnumerable<(Guid ChildId, DateOnly On)> days, CancellationToken ct)
    {
        var wanted = days.Distinct().ToList();
        var result = new Dictionary<(Guid, DateOnly), int?>();
        foreach (var chunk in wanted.Select(d => d.ChildId).Distinct().Chunk(1000))
        {
            var enrolments = await db.Enrolments.AsNoTracking()
                .Where(e => chunk.Contains(e.ChildId) && e.Type != EnrolmentType.DualSubsidiary)
                .Select(e => new { e.ChildId, e.SchoolId, e.StartDate, e.EndDate })
                .ToListAsync(ct);
            var byChild = enrolments.ToLookup(e => e.ChildId);
            var inChunk = chunk.ToHashSet();
            foreach (var day in wanted.Where(d => inChunk.Contains(d.ChildId)))
            {
                result[day] = byChild[day.ChildId].Where(e => e.StartDate <= day.On && (e.EndDate == null || e.EndDate >= day.On))
                    .OrderByDescending(e => e.StartDate).Select(e => (int?)e.SchoolId).FirstOrDefault();
            }
        }

        return result;
    }

    // Pupils on roll at each school during the year (the denominator, once per child and school), then each
    // suspension or exclusion starting in the year up to asOf (the numerator) at the school that made it.
    private async Task<List<Unit>> ExclusionUnitsAsync(ExclusionKind kind, AcademicYear year, DateOnly asOf, int? schoolId, CancellationToken ct)
    {
        var onRoll = await db.Enrolments.AsNoTracking()
            .Where(e => e.StartDate <= asOf && (e.EndDate == null || e.EndDate >= year.Start) && (schoolId == null || e.SchoolId == schoolId))
            .Select(e => new { e.SchoolId, e.ChildId, e.Child!.DateOfBirth, e.Child.YearGroupOffset })
            .Distinct()
            .ToListAsync(ct);
        var events = await db.Suspensions.AsNoTracking()
            .Where(s => s.Kind == kind && s.StartDate >= year.Start && s.StartDate <= asOf && (schoolId == null || s.SchoolId == schoolId))
            .Select(s => new { s.SchoolId, s.ChildId, s.Child!.DateOfBirth, s.Child.YearGroupOffset })
            .ToListAsync(ct);
        return onRoll.Select(p => new Unit(p.SchoolId, p.ChildId, p.DateOfBirth, p.YearGroupOffset, new KpiCell(0, 1)))
            .Concat(events.Select(e => new Unit(e.SchoolId, e.ChildId, e.DateOfBirth, e.YearGroupOffset, new KpiCell(1, 0))))
            .ToList();
    }

    // Each pupil once a term: a pupil starting two reduced timetables in one term counts once, in two terms twice.
    private async Task<List<Unit>> ReducedTimetableUnitsAsync(AcademicYear year, DateOnly asOf, int? schoolId, CancellationToken ct)
    {
        var started = await db.ReducedTimetables.AsNoTracking()
            .Where(r => r.StartDate >= year.Start && r.StartDate <= asOf && (schoolId == null || r.SchoolId == schoolId))
            .Select(r => new { r.SchoolId, r.ChildId, r.StartDate, r.Child!.DateOfBirth, r.Child.YearGroupOffset })
            .ToListAsync(ct);
        return started
            .DistinctBy(r => (r.ChildId, SchoolTerms.Containing(r.StartDate).Name))
            .Select(r => new Unit(r.SchoolId, r.ChildId, r.DateOfBirth, r.YearGroupOffset, new KpiCell(1, 0)))
            .ToList();
    }

    /// <summary>The bands of <see cref="AbsenceDistributionAsync"/>: lower bounds in percent of possible sessions.</summary>
    public static readonly IReadOnlyList<(int From, string Label)> AbsenceBands =
        [(0, "Under 5%"), (5, "5% to under 10%"), (10, "10% to under 20%"), (20, "20% to under 30%"), (30, "30% to under 50%"), (50, "50% or more")];

    /// <summary>How many enrolments in DfE's cohort fall in each band of their own overall absence rate this year so far.</summary>
    public async Task<IReadOnlyList<(string Band, long Pupils)>> AbsenceDistributionAsync(AcademicYear year, DateOnly today, int? schoolId, SchoolPhase? phase,
        CancellationToken ct = default)
    {
        var asOf = today < year.End ? today : year.End;
        var phases = await db.Schools.AsNoTracking().Select(s => new { s.Id, s.Phase }).ToDictionaryAsync(s => s.Id, s => s.Phase, ct);
        var units = await AttendanceUnitsAsync(Indicators.OverallAbsence, year, asOf, schoolId, ct);
        var counts = new long[AbsenceBands.Count];
        foreach (var unit in units)
        {
            if (phase is SchoolPhase p && (unit.SchoolId is not int sid || !phases.TryGetValue(sid, out var sp) || Indicators.ReportedPhaseOf(sp) != p))
            {
                continue;
            }

            // Compared by cross-multiplying, so a pupil at exactly 10% is in the 10% band, as persistent absence counts them.
            var band = AbsenceBands.Count - 1;
            while (band > 0 && unit.Cell.Numerator * 100 < AbsenceBands[band].From * unit.Cell.Denominator)
            {
                band--;
            }

            counts[band]++;
        }

        return AbsenceBands.Select((b, i) => (b.Label, counts[i])).ToList();
    }

    /// <summary>Reduced timetables started in each term of the year, each pupil once a term.</summary>
    public async Task<IReadOnlyList<(Term Term, int Pupils)>> ReducedTimetablesByTermAsync(AcademicYear year, DateOnly today, int? schoolId, CancellationToken ct = default)
    {
        var asOf = today < year.End ? today : year.End;
        var started = await db.ReducedTimetables.AsNoTracking()
            .Where(r => r.StartDate >= year.Start && r.StartDate <= asOf && (schoolId == null || r.SchoolId == schoolId))
            .Select(r => new { r.ChildId, r.StartDate })
            .ToListAsync(ct);
        return Enum.GetValues<TermName>().Select(n => SchoolTerms.For(year, n)).Where(t => t.Start <= asOf)
            .Select(t => (t, started.Where(r => t.Contains(r.StartDate)).Select(r => r.ChildId).Distinct().Count()))
            .ToList();
    }
}

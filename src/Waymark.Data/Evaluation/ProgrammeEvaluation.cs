using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.Evaluation;
using Waymark.Domain.Schools;
using Waymark.Domain.Transitions;

namespace Waymark.Data.Evaluation;

public enum ProgrammeKind
{
    /// <summary>The confirmed transition cohort of one Year 6 year; each child starts on the day they move school.</summary>
    TransitionCohort,

    /// <summary>The children enrolled on one intervention; each starts on their enrolment's start date (the earliest, if more than one).</summary>
    Intervention,

    /// <summary>Children who are members of a family with an agreed early help plan; each starts on the day the plan was agreed.</summary>
    EarlyHelp,
}

/// <summary>Which programme to evaluate: the kind, and the cohort's Year 6 year or the intervention where the kind needs one.</summary>
public sealed record ProgrammeChoice(ProgrammeKind Kind, int? CohortYear = null, int? InterventionId = null);

/// <summary>The programme, the length of the periods before and after each child's start (days), and the caliper (percentage points).</summary>
public sealed record EvaluationRequest(ProgrammeChoice Programme, int PeriodDays, double Caliper);

public sealed record OutcomeEvaluation(string Name, string Unit, EvaluationResult Result);

/// <summary>
/// An evaluation's figures, counts only: how many children were in the programme, how many could not be evaluated yet
/// (their period after the start has not ended), how many were matched and why the rest were not, and each outcome.
/// </summary>
public sealed record EvaluationReport(
    EvaluationRequest Request,
    DateOnly Today,
    int InProgramme,
    int TooRecent,
    int Matched,
    int TiesBroken,
    IReadOnlyDictionary<UnmatchedReason, int> Unmatched,
    IReadOnlyList<OutcomeEvaluation> Outcomes,
    DateOnly? EarliestStart,
    DateOnly? LatestStart)
{
    public int UnmatchedCount => Unmatched.Values.Sum();
}

/// <summary>
/// Evaluates a programme against a matched comparison group of children not in it (docs/evaluation.md): the data half,
/// reading each child's characteristics, register marks and suspensions; the statistics are in <see cref="ComparisonMatching"/>
/// and <see cref="EvaluationResult"/>. The comparison pool is every child with register marks who is not in the
/// programme: the LA-wide roles that may run it see all of them, and the report names no child.
/// </summary>
public sealed class ProgrammeEvaluation(WaymarkDbContext db)
{
    public const string AttendanceOutcome = "Attendance rate";
    public const string SuspensionOutcome = "Suspensions";

    public async Task<EvaluationReport> RunAsync(EvaluationRequest request, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PeriodDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.PeriodDays, "The period must be at least a day.");
        }

        var starts = await ProgrammeStartsAsync(request.Programme, ct);
        var period = request.PeriodDays;
        // Only children whose whole period after the start has ended can be evaluated.
        var ready = starts.Where(s => s.Value.AddDays(period - 1) < today).ToDictionary(s => s.Key, s => s.Value);
        var tooRecent = starts.Count - ready.Count;

        var emptyUnmatched = Enum.GetValues<UnmatchedReason>().ToDictionary(r => r, _ => 0);
        if (ready.Count == 0)
        {
            return new EvaluationReport(request, today, starts.Count, tooRecent, 0, 0, emptyUnmatched,
                [new(AttendanceOutcome, "%", EvaluationResult.Compute([], [])), new(SuspensionOutcome, "suspensions", EvaluationResult.Compute([], []))],
                null, null);
        }

        var from = ready.Values.Min().AddDays(-period);
        var to = ready.Values.Max().AddDays(period - 1);
        var children = await LoadChildrenAsync(from, to, ct);

        var used = new HashSet<Guid>();
        var pairs = new List<(MatchedPair Pair, DateOnly Start)>();
        var unmatched = new Dictionary<UnmatchedReason, int>(emptyUnmatched);
        var ties = 0;
        foreach (var group in ready.GroupBy(s => s.Value).OrderBy(g => g.Key))
        {
            var start = group.Key;
            var day = start.AddDays(-1); // characteristics as they were before the programme began
            var programme = group
                .Select(s => children.TryGetValue(s.Key, out var c)
                    ? new MatchSubject(s.Key, c.KeyOn(day), c.AttendanceRate(start.AddDays(-period), day))
                    : new MatchSubject(s.Key, default, null))
                .ToList();
            var keys = programme.Select(p => p.Key).ToHashSet();
            var pool = new List<MatchSubject>();
            foreach (var (id, child) in children)
            {
                if (starts.ContainsKey(id) || used.Contains(id))
                {
                    continue; // anyone ever in the programme is not a comparison, even if too recent to evaluate
                }

                var key = child.KeyOn(day);
                if (keys.Contains(key))
                {
                    pool.Add(new MatchSubject(id, key, child.AttendanceRate(start.AddDays(-period), day)));
                }
            }

            var result = ComparisonMatching.Match(programme, pool, request.Caliper);
            foreach (var pair in result.Pairs)
            {
                used.Add(pair.Comparison.ChildId);
                pairs.Add((pair, start));
            }

            ties += result.TiesBroken;
            foreach (var miss in result.Unmatched)
            {
                unmatched[miss.Reason]++;
            }
        }

        var outcomes = new List<OutcomeEvaluation>
        {
            new(AttendanceOutcome, "%", Outcome(pairs, children, period, (c, f, t) => c.AttendanceRate(f, t))),
            new(SuspensionOutcome, "suspensions", Outcome(pairs, children, period, (c, f, t) => c.SuspensionsIn(f, t))),
        };
        return new EvaluationReport(request, today, starts.Count, tooRecent, pairs.Count, ties, unmatched, outcomes,
            ready.Values.Min(), ready.Values.Max());
    }

    // A child with no value before or after (no possible sessions, say) is left out of that outcome, in both groups alike.
    private static EvaluationResult Outcome(List<(MatchedPair Pair, DateOnly Start)> pairs, Dictionary<Guid, ChildFacts> children, int period,
        Func<ChildFacts, DateOnly, DateOnly, double?> measure)
    {
        var programme = new List<BeforeAfter>();
        var comparison = new List<BeforeAfter>();
        foreach (var (pair, start) in pairs)
        {
            Add(programme, pair.Programme.ChildId, start);
            Add(comparison, pair.Comparison.ChildId, start);
        }

        return EvaluationResult.Compute(programme, comparison);

        void Add(List<BeforeAfter> into, Guid id, DateOnly start)
        {
            var child = children[id];
            if (measure(child, start.AddDays(-period), start.AddDays(-1)) is double before
                && measure(child, start, start.AddDays(period - 1)) is double after)
            {
                into.Add(new BeforeAfter(before, after));
            }
        }
    }

    /// <summary>Each programme child and their start date.</summary>
    public async Task<Dictionary<Guid, DateOnly>> ProgrammeStartsAsync(ProgrammeChoice choice, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(choice);
        switch (choice.Kind)
        {
            case ProgrammeKind.TransitionCohort:
                var year = choice.CohortYear ?? throw new ArgumentException("Choose the transition cohort's year.", nameof(choice));
                var cohort = await db.Transitions.AsNoTracking()
                    .Where(t => t.CohortYear == year && t.Decision == CohortDecision.Confirmed)
                    .Select(t => t.ChildId).ToListAsync(ct);
                var move = CohortYears.MoveDate(new AcademicYear(year));
                return cohort.Distinct().ToDictionary(id => id, _ => move);
            case ProgrammeKind.Intervention:
                var intervention = choice.InterventionId ?? throw new ArgumentException("Choose the intervention.", nameof(choice));
                var enrolments = await db.InterventionEnrolments.AsNoTracking()
                    .Where(e => e.InterventionId == intervention)
                    .Select(e => new { e.ChildId, e.StartDate }).ToListAsync(ct);
                return enrolments.GroupBy(e => e.ChildId).ToDictionary(g => g.Key, g => g.Min(e => e.StartDate));
            case ProgrammeKind.EarlyHelp:
                var members = await db.FamilyMembers.AsNoTracking()
                    .Where(m => m.ChildId != null)
                    .Join(db.EarlyHelpPlans.Where(p => p.AgreedOn != null), m => m.PlanId, p => p.Id, (m, p) => new { m.ChildId, p.AgreedOn })
                    .ToListAsync(ct);
                return members.GroupBy(m => m.ChildId!.Value).ToDictionary(g => g.Key, g => g.Min(m => m.AgreedOn!.Value));
            default:
                throw new ArgumentOutOfRangeException(nameof(choice), choice.Kind, "Unknown programme.");
        }
    }

    private async Task<Dictionary<Guid, ChildFacts>> LoadChildrenAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var firstYear = AcademicYear.Containing(from).StartYear;
        var lastYear = AcademicYear.Containing(to).StartYear;
        var phases = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Phase, ct);
        var marks = await db.AttendanceYears.AsNoTracking()
            .Where(y => y.AcademicYear >= firstYear && y.AcademicYear <= lastYear)
            .Select(y => new { y.ChildId, y.AcademicYear, y.Marks }).ToListAsync(ct);
        var withMarks = marks.Select(m => m.ChildId).ToHashSet();
        var people = await db.Children.AsNoTracking().Select(c => new { c.Id, c.DateOfBirth, c.YearGroupOffset }).ToListAsync(ct);
        var statuses = (await db.ChildStatuses.AsNoTracking().Select(s => new { s.ChildId, s.Type, s.StartDate, s.EndDate }).ToListAsync(ct))
            .ToLookup(s => s.ChildId);
        var enrolments = (await db.Enrolments.AsNoTracking().Select(e => new { e.ChildId, e.SchoolId, e.StartDate, e.EndDate, e.Type }).ToListAsync(ct))
            .ToLookup(e => e.ChildId);
        var suspensions = (await db.Suspensions.AsNoTracking().Where(s => s.Kind == ExclusionKind.Suspension)
            .Select(s => new { s.ChildId, s.StartDate }).ToListAsync(ct)).ToLookup(s => s.ChildId);
        var years = marks.ToLookup(m => m.ChildId, m => new YearMarks(new AcademicYear(m.AcademicYear), m.Marks));

        return people.Where(p => withMarks.Contains(p.Id)).ToDictionary(p => p.Id, p => new ChildFacts(
            p.DateOfBirth, p.YearGroupOffset,
            statuses[p.Id].Select(s => (s.Type, s.StartDate, s.EndDate)).ToList(),
            enrolments[p.Id].OrderBy(e => e.Type).Select(e => (phases.GetValueOrDefault(e.SchoolId), e.StartDate, e.EndDate)).ToList(),
            years[p.Id].ToList(),
            suspensions[p.Id].Select(s => s.StartDate).ToList()));
    }

    private sealed record ChildFacts(
        DateOnly DateOfBirth, int YearGroupOffset,
        List<(ChildStatusType Type, DateOnly Start, DateOnly? End)> Statuses,
        List<(SchoolPhase Phase, DateOnly Start, DateOnly? End)> Enrolments,
        List<YearMarks> Marks,
        List<DateOnly> SuspensionDates)
    {
        public MatchKey KeyOn(DateOnly day)
        {
            var year = NationalCurriculumYear.ForChild(DateOfBirth, AcademicYear.Containing(day), YearGroupOffset)?.Value ?? int.MinValue;
            var status = StatusGroups.Of(Statuses.Where(s => s.Start <= day && (s.End is null || s.End >= day)).Select(s => s.Type));
            // The main enrolment (listed first) current on the day; out of school is its own phase.
            var phase = Enrolments.Where(e => e.Start <= day && (e.End is null || e.End >= day)).Select(e => (SchoolPhase?)e.Phase).FirstOrDefault()
                ?? SchoolPhase.NotApplicable;
            return new MatchKey(year, status, phase);
        }

        public double? AttendanceRate(DateOnly from, DateOnly to)
        {
            var sessions = default(SessionCounts);
            foreach (var year in Marks)
            {
                if (year.Year.Start <= to && year.Year.End >= from)
                {
                    sessions += year.Count(from, to);
                }
            }

            return sessions.AttendanceRate is decimal rate ? (double)rate : null;
        }

        // Counted only for a child on a register in the period, so a child who had left is not counted as never suspended.
        public double? SuspensionsIn(DateOnly from, DateOnly to) =>
            AttendanceRate(from, to) is null ? null : SuspensionDates.Count(d => d >= from && d <= to);
    }
}

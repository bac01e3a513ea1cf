using System.Globalization;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Transitions;

namespace Waymark.Data.Demo;

/// <summary>How a demo Year 7 review is made to raise a flag, so the demo secondary always has one of each.</summary>
internal enum DemoFlag
{
    Random,
    Attendance,
    Suspension,
}

/// <summary>A child the demo puts in the transition programme, with what the demo needs to know about them.</summary>
internal sealed class DemoCandidate
{
    public required Guid ChildId { get; init; }

    public required string Forename { get; init; }

    public required string Surname { get; init; }

    public required Sex Sex { get; init; }

    /// <summary>NC year now: 5 and 6 are this year's programme, 7 and 8 have moved on.</summary>
    public required int Year { get; init; }

    public required int CohortYear { get; init; }

    /// <summary>The primary (or special) school the child was on the roll of in the programme.</summary>
    public required DemoSchool Sending { get; init; }

    /// <summary>Years 7 and 8: the secondary school the child moved to.</summary>
    public DemoSchool? MovedTo { get; init; }

    public required string ProposedBecause { get; init; }

    /// <summary>Start of the plan that brought the child in.</summary>
    public required DateOnly PlanStart { get; init; }

    public DateOnly? PlanEnd { get; init; }

    public required ChildStatusType PlanType { get; init; }

    public ChildStatusType? Sen { get; init; }

    public SenPrimaryNeed? SenNeed { get; init; }

    public DateOnly? SenStart { get; init; }

    public required string SocialWorker { get; init; }

    /// <summary>The demo social worker account is (or was) the child's social worker.</summary>
    public required bool DemoCaseload { get; init; }

    public TransitionStage Stage { get; set; }

    public DemoFlag Flag { get; set; }

    public bool HasMoved => Year >= 7;
}

/// <summary>
/// The demo transition programme: this year's cohort (Years 5 and 6 on a child in need or child
/// protection plan) at every stage, and the cohorts that have moved on to Year 7 and Year 8 with their
/// follow-up reviews. Runs after the children are written, in the same transaction, and reads back
/// only the few hundred children it needs.
/// </summary>
internal static class DemoTransitions
{
    private const int BatchSize = 200;

    public static async Task<int> SeedAsync(
        WaymarkDbContext db,
        DemoSchools schools,
        DemoProgrammeStaff staff,
        IReadOnlyList<DemoContact> socialWorkers,
        DateOnly today,
        int seed,
        IProgress<string>? progress,
        CancellationToken ct)
    {
        var candidates = await CandidatesAsync(db, schools, staff, today, ct);
        var cohortSchools = candidates.Select(c => c.Sending.Entity.Id).ToHashSet();
        var programme = await DemoProgramme.SeedAsync(
            db, schools, staff, socialWorkers, cohortSchools, today, DemoRandom.Stream(seed, 7), ct);

        var random = DemoRandom.Stream(seed, 6);
        AssignStages(candidates, schools, today, random);
        var builder = new DemoTransitionBuilder(random, schools, staff, programme, today);
        for (var i = 0; i < candidates.Count; i += BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var candidate in candidates.Skip(i).Take(BatchSize))
            {
                builder.Build(db, candidate);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            await builder.Leaves.WriteAsync(db, ct);
        }

        progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"Transition programme: {candidates.Count(c => !c.HasMoved):N0} children in this year's cohort, {candidates.Count(c => c.HasMoved):N0} followed up at secondary school"));
        return candidates.Count;
    }

    /// <summary>
    /// Years 5 and 6 on a roll with a current child in need or child protection plan (the default
    /// criteria), and Years 7 and 8 at a secondary school who had such a plan in their Year 6.
    /// </summary>
    private static async Task<List<DemoCandidate>> CandidatesAsync(
        WaymarkDbContext db, DemoSchools schools, DemoProgrammeStaff staff, DateOnly today, CancellationToken ct)
    {
        var current = AcademicYear.Containing(today);
        var bornFrom = new DateOnly(current.StartYear - 13, 9, 1);
        var bornTo = new DateOnly(current.StartYear - 9, 8, 31);
        var plansFrom = new AcademicYear(current.StartYear - 2).Start;

        // Start from the few children with a plan (an indexed search), then fetch what they need by id.
        var ids = await db.ChildStatuses.AsNoTracking()
            .Where(s => (s.Type == ChildStatusType.ChildInNeed || s.Type == ChildStatusType.ChildProtectionPlan)
                && s.StartDate <= today && (s.EndDate == null || s.EndDate >= plansFrom)
                && s.Child!.DateOfBirth >= bornFrom && s.Child.DateOfBirth <= bornTo)
            .Select(s => s.ChildId).Distinct().ToListAsync(ct);
        var children = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                Forename = c.PreferredForename ?? c.LegalForename,
                Surname = c.PreferredSurname ?? c.LegalSurname,
                c.Sex,
                c.DateOfBirth,
                c.YearGroupOffset,
            })
            .ToListAsync(ct);
        var statuses = (await db.ChildStatuses.AsNoTracking().Where(s => ids.Contains(s.ChildId))
            .Select(s => new { s.ChildId, s.Type, s.StartDate, s.EndDate, s.PrimaryNeed }).ToListAsync(ct)).ToLookup(s => s.ChildId);
        var enrolments = (await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.ChildId))
            .Select(e => new { e.ChildId, e.SchoolId, e.StartDate, e.EndDate, e.Type }).ToListAsync(ct)).ToLookup(e => e.ChildId);
        var workers = (await db.KeyPeople.AsNoTracking().Where(k => ids.Contains(k.ChildId) && k.Role == KeyPersonRole.SocialWorker)
            .Select(k => new { k.ChildId, k.UserId, k.ExternalName, k.StartDate, k.EndDate }).ToListAsync(ct)).ToLookup(k => k.ChildId);
        var rows = children.Select(c => new
        {
            c.Id,
            c.Forename,
            c.Surname,
            c.Sex,
            c.DateOfBirth,
            c.YearGroupOffset,
            Statuses = statuses[c.Id].ToList(),
            Enrolments = enrolments[c.Id].ToList(),
            SocialWorkers = workers[c.Id].ToList(),
        });

        var byId = schools.All.ToDictionary(s => s.Entity.Id);
        var candidates = new List<DemoCandidate>();
        foreach (var row in rows)
        {
            if (NationalCurriculumYear.ForChild(row.DateOfBirth, current, row.YearGroupOffset) is not { Value: >= 5 and <= 8 } ncYear)
            {
                continue;
            }

            var cohortYear = CohortYears.Year6For(ncYear, current).StartYear;
            var main = row.Enrolments
                .Where(e => e.Type != EnrolmentType.DualSubsidiary && e.StartDate <= today && (e.EndDate is null || e.EndDate >= today))
                .Select(e => byId[e.SchoolId]).FirstOrDefault();
            if (main is null)
            {
                continue;
            }

            var worker = row.SocialWorkers.OrderByDescending(k => k.StartDate).FirstOrDefault();
            var workerName = worker is null ? "the social worker" : worker.UserId is not null ? staff.SocialWorker.Name : worker.ExternalName ?? "the social worker";
            var sen = row.Statuses.Where(s => s.Type is ChildStatusType.EhcPlan or ChildStatusType.SenSupport && s.StartDate <= today && (s.EndDate is null || s.EndDate >= today))
                .OrderBy(s => s.Type == ChildStatusType.EhcPlan ? 0 : 1).FirstOrDefault();

            DemoSchool sending;
            DemoSchool? movedTo = null;
            string because;
            (ChildStatusType Type, DateOnly Start, DateOnly? End) plan;
            if (ncYear.Value <= 6)
            {
                // The same rule as the cohort proposer: the default criteria on today's statuses.
                var currentStatuses = row.Statuses.Where(s => s.StartDate <= today && (s.EndDate is null || s.EndDate >= today)).ToList();
                var reasons = CohortCriteria.Default.ReasonsFor(
                    [.. currentStatuses.Select(s => s.Type)], currentStatuses.Any(s => ChildStatusTypes.HasSocialWorker(s.Type)));
                var qualifying = currentStatuses.Where(s => s.Type is ChildStatusType.ChildInNeed or ChildStatusType.ChildProtectionPlan)
                    .OrderByDescending(s => s.StartDate).FirstOrDefault();
                if (reasons.Count == 0 || qualifying is null)
                {
                    continue;
                }

                sending = main;
                because = string.Join(", ", reasons);
                plan = (qualifying.Type, qualifying.StartDate, qualifying.EndDate);
            }
            else
            {
                // Moved on: at a secondary now, from a primary, with a plan during their Year 6.
                var year6 = new AcademicYear(cohortYear);
                var qualifying = row.Statuses
                    .Where(s => s.Type is ChildStatusType.ChildInNeed or ChildStatusType.ChildProtectionPlan
                        && s.StartDate <= year6.End.AddDays(-60) && (s.EndDate is null || s.EndDate >= year6.Start))
                    .OrderBy(s => s.StartDate).FirstOrDefault();
                var primary = row.Enrolments.Where(e => e.EndDate is { } end && end <= year6.End && byId[e.SchoolId].Kind == DemoSchoolKind.Primary)
                    .OrderByDescending(e => e.EndDate).FirstOrDefault();
                if (main.Kind != DemoSchoolKind.Secondary || qualifying is null || primary is null)
                {
                    continue;
                }

                var moveDate = CohortYears.MoveDate(year6);
                sending = byId[primary.SchoolId];
                movedTo = row.Enrolments.Where(e => e.StartDate == moveDate && byId[e.SchoolId].Kind == DemoSchoolKind.Secondary)
                    .Select(e => byId[e.SchoolId]).FirstOrDefault() ?? main;
                because = ChildStatusTypes.DisplayName(qualifying.Type);
                plan = (qualifying.Type, qualifying.StartDate, qualifying.EndDate);
            }

            candidates.Add(new DemoCandidate
            {
                ChildId = row.Id,
                Forename = row.Forename,
                Surname = row.Surname,
                Sex = row.Sex,
                Year = ncYear.Value,
                CohortYear = cohortYear,
                Sending = sending,
                MovedTo = movedTo,
                ProposedBecause = because,
                PlanType = plan.Type,
                PlanStart = plan.Start,
                PlanEnd = plan.End,
                Sen = sen?.Type,
                SenNeed = sen?.PrimaryNeed,
                SenStart = sen?.StartDate,
                SocialWorker = workerName,
                DemoCaseload = worker?.UserId is not null,
            });
        }

        // The database returns rows in no promised order; the ids come from the seeded stream.
        candidates.Sort((a, b) => a.Year != b.Year ? a.Year.CompareTo(b.Year) : a.ChildId.CompareTo(b.ChildId));
        return candidates;
    }

    private static readonly WeightedTable<TransitionStage> Year6Stages = new(
        (TransitionStage.Proposed, 6), (TransitionStage.Confirmed, 8), (TransitionStage.ProfileInProgress, 24),
        (TransitionStage.ProfileComplete, 16), (TransitionStage.Shared, 16), (TransitionStage.Acknowledged, 22),
        (TransitionStage.Removed, 8));

    private static readonly WeightedTable<TransitionStage> Year5Stages = new(
        (TransitionStage.Proposed, 30), (TransitionStage.Confirmed, 28), (TransitionStage.ProfileInProgress, 32),
        (TransitionStage.Removed, 10));

    /// <summary>
    /// Spreads the cohort over the stages. The first children of each kind take one stage each, so every
    /// stage is present even in a small authority; the demo primary and secondary get a fixed mix so both
    /// demo Transition Leads have work on their first sign-in.
    /// </summary>
    private static void AssignStages(List<DemoCandidate> candidates, DemoSchools schools, DateOnly today, Randomizer random)
    {
        var firstPrimary = schools.FirstPrimary;
        var firstSecondary = schools.FirstSecondary;
        var year = AcademicYear.Containing(today);
        var lastYear6 = new AcademicYear(year.StartYear - 1);
        var moveDate = CohortYears.MoveDate(lastYear6);
        var reviewedEndOfTerm = today >= FollowUps.DueDate(FollowUpKind.EndOfFirstTerm, moveDate).AddDays(-7);
        var reviewedSixWeeks = today >= FollowUps.DueDate(FollowUpKind.SixWeeks, moveDate).AddDays(-3);

        var scripts = new Dictionary<string, Queue<TransitionStage>>
        {
            ["primary6"] = new([TransitionStage.Acknowledged, TransitionStage.Shared, TransitionStage.ProfileComplete, TransitionStage.ProfileInProgress]),
            ["primary5"] = new([TransitionStage.ProfileInProgress, TransitionStage.Confirmed, TransitionStage.Proposed]),
            ["other6"] = new([TransitionStage.ProfileComplete, TransitionStage.Shared, TransitionStage.Acknowledged, TransitionStage.Removed,
                TransitionStage.ProfileInProgress, TransitionStage.Confirmed, TransitionStage.Proposed]),
            ["other5"] = new([TransitionStage.Proposed, TransitionStage.Confirmed, TransitionStage.ProfileInProgress, TransitionStage.Removed]),
            ["year7"] = new(reviewedEndOfTerm ? [TransitionStage.FollowedUp, TransitionStage.InYear7] : [TransitionStage.InYear7]),
        };
        TransitionStage Next(string script, Func<TransitionStage> otherwise) =>
            scripts[script].TryDequeue(out var stage) ? stage : otherwise();

        var flags = new Queue<DemoFlag>([DemoFlag.Attendance, DemoFlag.Suspension]);

        // The demo secondary's Year 7s first, so its Transition Lead has one of each.
        foreach (var c in candidates.OrderBy(c => c.Year == 7 && c.MovedTo == firstSecondary ? 0 : 1))
        {
            var atFirstPrimary = c.Sending == firstPrimary;
            c.Stage = c.Year switch
            {
                // A special school's pupils mostly stay on there, so the programme rarely takes them.
                5 or 6 when c.Sending.Kind != DemoSchoolKind.Primary => random.Chance(0.7) ? TransitionStage.Removed : TransitionStage.Proposed,
                6 when atFirstPrimary => Next("primary6", () => Year6Stages.Pick(random)),
                5 when atFirstPrimary => Next("primary5", () => Year5Stages.Pick(random)),
                6 => Next("other6", () => Year6Stages.Pick(random)),
                5 => Next("other5", () => Year5Stages.Pick(random)),
                7 when random.Chance(0.05) && c.MovedTo != firstSecondary => TransitionStage.Removed,
                7 => Next("year7", () => reviewedEndOfTerm && random.Chance(0.7) ? TransitionStage.FollowedUp : TransitionStage.InYear7),
                _ => random.Chance(0.05) ? TransitionStage.Removed : TransitionStage.FollowedUp,
            };

            if (c.Year == 7 && c.MovedTo == firstSecondary && c.Stage != TransitionStage.Removed && (reviewedSixWeeks || c.Stage == TransitionStage.FollowedUp))
            {
                c.Flag = flags.TryDequeue(out var flag) ? flag : DemoFlag.Random;
            }
        }
    }
}

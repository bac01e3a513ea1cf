using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Schools;
using Waymark.Domain.Transitions;

namespace Waymark.Data.Tests.Demo;

/// <summary>The demo transition programme in the 6,000-pupil demo, so every transition page has something real to show.</summary>
public abstract partial class DemoDataTests
{
    private School FirstSecondary => Schools.Single(s => s.Name == "Eastmoor Academy");

    private async Task<DemoProgrammeSnapshot> ProgrammeAsync()
    {
        await using var db = seeded.Database.CreateContext();
        return await DemoProgrammeSnapshot.LoadAsync(db, Today);
    }

    [Fact]
    public async Task The_programme_follows_the_rules_the_app_enforces()
    {
        var programme = await ProgrammeAsync();
        Assert.InRange(programme.Transitions.Count, 40, 120);
        programme.AssertConsistent();
    }

    [Fact]
    public async Task Rows_written_in_bulk_are_found_by_queries_like_any_other()
    {
        var programme = await ProgrammeAsync();
        await using var db = seeded.Database.CreateContext();
        var endOfToday = Today.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc);
        var family = programme.Transitions.SelectMany(t => t.Sections).Count(s => s.Section == ProfileSection.FamilyAndProfessionals);
        Assert.True(family > 0);
        Assert.Equal(family, await db.ProfileSections.CountAsync(s => s.Section == ProfileSection.FamilyAndProfessionals
            && s.Sharing == SharingLevel.Restricted && s.Transition!.CohortYear > 2000));
        Assert.Equal(programme.Changes.Count, await db.ProfileSectionChanges
            .CountAsync(c => c.ChangedAtUtc <= endOfToday && db.Transitions.Any(t => t.Id == c.TransitionId)));
        var oneTransition = programme.Transitions.First(t => t.Meetings.Count > 0 && t.Sections.Count > 0);
        Assert.Equal(oneTransition.Sections.Count, await db.ProfileSections.CountAsync(s => s.TransitionId == oneTransition.Id));
        Assert.Equal(oneTransition.Meetings.Sum(m => m.Invitees.Count), await db.PcpInvitees.CountAsync(i => oneTransition.Meetings.Select(m => m.Id).Contains(i.MeetingId)));
        Assert.Equal(await db.PcpInvitees.CountAsync(), await db.PcpMeetings.SelectMany(m => m.Invitees).CountAsync());
        Assert.Equal(await db.PcpActions.CountAsync(), await db.PcpMeetings.SelectMany(m => m.Actions).CountAsync());
        Assert.Equal(await db.TrainingAttendees.CountAsync(), await db.TrainingSessions.SelectMany(s => s.Attendees).CountAsync());
        Assert.Equal(
            programme.Transitions.Sum(t => t.SupportActions.Count(a => a.DoneOn == null && a.ByWhen < Today)),
            await db.SupportPlanActions.CountAsync(a => a.DoneOn == null && a.ByWhen < Today));
        Assert.Equal(
            programme.Transitions.Sum(t => t.DestinationChanges.Count(d => d.Status == DestinationStatus.Accepted)),
            await db.DestinationChanges.CountAsync(d => d.Status == DestinationStatus.Accepted && d.ChangedAtUtc <= endOfToday));
    }

    [Fact]
    public async Task Every_stage_has_children_in_it()
    {
        var programme = await ProgrammeAsync();
        var stages = programme.Transitions.GroupBy(programme.StageOf).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enum.GetValues<TransitionStage>(), stage => Assert.True(stages.GetValueOrDefault(stage) > 0, $"no child at {stage}"));

        // Removed children say why.
        Assert.All(programme.Transitions.Where(t => t.Decision == CohortDecision.Removed),
            t => Assert.False(string.IsNullOrWhiteSpace(t.DecisionReason)));
    }

    [Fact]
    public async Task This_years_cohort_is_every_year_5_and_6_child_on_a_roll_with_a_plan()
    {
        var programme = await ProgrammeAsync();
        var year = SeededDemoDatabase.Year;
        var expected = Children
            .Where(c => NcYear(c) is 5 or 6 && c.Enrolments.Any(e => e.IsCurrentOn(Today))
                && HasCurrent(c, ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan))
            .ToDictionary(c => c.Id);
        var current = programme.Transitions.Where(t => t.CohortYear >= year.StartYear).ToList();
        Assert.Equal(expected.Keys.Order(), current.Select(t => t.ChildId).Order());
        Assert.All(current, t =>
        {
            var child = expected[t.ChildId];
            Assert.Equal(CohortYears.Year6For(child.NcYearIn(year)!.Value, year).StartYear, t.CohortYear);
            Assert.Equal(MainEnrolment(child)!.SchoolId, t.SendingSchoolId);
            var statuses = child.Statuses.Where(s => s.IsCurrentOn(Today)).Select(s => s.Type).ToList();
            Assert.Equal(string.Join(", ", CohortCriteria.Default.ReasonsFor(statuses, hasSocialWorker: true)), t.ProposedBecause);
        });

        // Year 5 children mostly have no secondary school yet; Year 6 children mostly do.
        var year5 = current.Where(t => t.CohortYear == year.StartYear + 1 && t.Decision != CohortDecision.Removed).ToList();
        var year6 = current.Where(t => t.CohortYear == year.StartYear && t.Decision != CohortDecision.Removed).ToList();
        Assert.True(year5.Count(t => t.DestinationSchoolId is null) > year5.Count / 2);
        Assert.True(year6.Count(t => t.DestinationSchoolId is not null) > year6.Count / 2);
        Assert.Contains(year6, t => t.DestinationStatus == DestinationStatus.Preference);
        Assert.Contains(year6, t => t.DestinationStatus == DestinationStatus.Offered);
        Assert.All(programme.Transitions.Where(t => t.DestinationSchoolId is not null),
            t => Assert.Equal(SchoolPhase.Secondary, Schools.Single(s => s.Id == t.DestinationSchoolId).Phase));

        // Last year's cohort is in Year 7 at secondary school.
        var moved = programme.Transitions.Where(t => t.CohortYear == year.StartYear - 1).ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, t =>
        {
            var child = Children.Single(c => c.Id == t.ChildId);
            Assert.Equal(7, NcYear(child));
            Assert.Equal(SchoolPhase.Primary, Schools.Single(s => s.Id == t.SendingSchoolId).Phase);
            Assert.Equal(SchoolPhase.Secondary, SchoolOf(MainEnrolment(child)!).Phase);
            Assert.Contains(child.Statuses, s => s.Type is ChildStatusType.ChildInNeed or ChildStatusType.ChildProtectionPlan
                && s.StartDate <= t.Year6.End && (s.EndDate is null || s.EndDate >= t.Year6.Start));
        });
    }

    [Fact]
    public async Task Meetings_are_never_more_than_three_and_attendance_is_recorded_by_role()
    {
        var programme = await ProgrammeAsync();
        Assert.All(programme.Transitions, t => Assert.InRange(t.Meetings.Count, 0, PcpMeetings.MaxPerChild));
        Assert.Contains(programme.Transitions, t => t.Meetings.Count(m => m.Status == MeetingStatus.Held) == PcpMeetings.MaxPerChild);
        var meetings = programme.Transitions.SelectMany(t => t.Meetings).ToList();
        Assert.Contains(meetings, m => m.Status == MeetingStatus.Planned && m.Date > Today);
        Assert.Contains(meetings, m => m.Status == MeetingStatus.Cancelled);
        Assert.Contains(meetings.SelectMany(m => m.Actions), a => a.DoneOn is null && a.ByWhen < Today);
        Assert.Contains(meetings.SelectMany(m => m.Actions), a => a.DoneOn is not null);

        // The pilot's finding: social workers and secondary staff come less often than parents and primary staff.
        var byRole = PcpMeetings.AttendanceByRole(meetings.Where(m => m.Status == MeetingStatus.Held)
            .SelectMany(m => m.Invitees).Select(i => (i.Role, i.Attendance))).ToDictionary(r => r.Role);
        Assert.All(new[] { MeetingRole.ParentCarer, MeetingRole.Pupil, MeetingRole.SocialWorker, MeetingRole.PrimaryStaff, MeetingRole.SecondaryStaff },
            role => Assert.True(byRole[role].Recorded > 0, $"nobody recorded as {role}"));
        Assert.True(byRole[MeetingRole.SocialWorker].AttendedPercent < byRole[MeetingRole.PrimaryStaff].AttendedPercent);
        Assert.True(byRole[MeetingRole.SecondaryStaff].AttendedPercent < byRole[MeetingRole.ParentCarer].AttendedPercent);
        Assert.Contains(meetings.SelectMany(m => m.Invitees), i => i.Attendance == MeetingAttendance.SentDelegate);
        Assert.Contains(meetings.SelectMany(m => m.Invitees), i => i.Attendance == MeetingAttendance.SentWrittenUpdate);
    }

    [Fact]
    public async Task Shares_are_in_force_only_with_an_accepted_place_and_consent()
    {
        var programme = await ProgrammeAsync();
        var inForce = programme.Transitions.SelectMany(t => t.Shares.Where(s => s.EndedAtUtc == null).Select(s => (t, s))).ToList();
        Assert.NotEmpty(inForce);
        Assert.All(inForce, x =>
        {
            Assert.Equal(DestinationStatus.Accepted, x.t.DestinationStatus);
            Assert.Equal(x.t.DestinationSchoolId, x.s.RecipientSchoolId);
            Assert.NotNull(programme.ConsentInForce(x.t.ChildId));
        });

        // And every child with both has one.
        Assert.All(programme.Transitions.Where(t => t.Decision != CohortDecision.Removed
                && t.DestinationStatus == DestinationStatus.Accepted && programme.ConsentInForce(t.ChildId) is not null),
            t => Assert.Single(t.Shares, s => s.EndedAtUtc == null));

        // The near misses are there too: a place without consent, consent without a place, and consent withdrawn.
        var notShared = programme.Transitions.Where(t => t.Decision != CohortDecision.Removed && t.Shares.All(s => s.EndedAtUtc != null)).ToList();
        Assert.Contains(notShared, t => t.DestinationStatus == DestinationStatus.Accepted && programme.ConsentInForce(t.ChildId) is null);
        Assert.Contains(notShared, t => t.DestinationStatus != DestinationStatus.Accepted && programme.ConsentInForce(t.ChildId) is not null);
        var ended = programme.Transitions.SelectMany(t => t.Shares).Where(s => s.EndedAtUtc is not null).ToList();
        Assert.NotEmpty(ended);
        Assert.All(ended, e => Assert.NotNull(programme.Consents.Single(c => c.Id == e.ConsentId).WithdrawnOn));
    }

    [Fact]
    public async Task Profiles_hold_the_childs_own_words_and_a_restricted_family_section()
    {
        var programme = await ProgrammeAsync();
        var sections = programme.Transitions.SelectMany(t => t.Sections).ToList();
        var family = sections.Where(s => s.Section == ProfileSection.FamilyAndProfessionals).ToList();
        Assert.NotEmpty(family);
        Assert.All(family, s => Assert.Equal(SharingLevel.Restricted, s.Sharing));
        Assert.All(sections.Where(s => s.Sharing == SharingLevel.Restricted), s => Assert.NotEqual(seeded.Users.Single(u => u.Email == "transition.lead@eastmoor.example").Id, s.UpdatedByUserId));

        // The child's voice, in the first person and varied.
        var voices = ProfileSections.All.SelectMany(d => d.Fields.Where(f => f.ChildsVoice).Select(f => (d.Section, f.Key))).ToList();
        var answers = sections.SelectMany(s => voices.Where(v => v.Section == s.Section && s.Answers.ContainsKey(v.Key)).Select(v => s.Answers[v.Key])).ToList();
        Assert.True(answers.Count > 50);
        Assert.True(answers.Distinct().Count() > answers.Count / 3);
        var aboutMe = sections.Where(s => s.Section == ProfileSection.AboutMe && s.Answers.ContainsKey("support-me")).Select(s => s.Answers["support-me"]).ToList();
        Assert.NotEmpty(aboutMe);
        Assert.All(aboutMe, a => Assert.Matches(@"\b(I|me|my|I'm|I've)\b", a));

        // Each section is in a state, and its history shows who changed it.
        Assert.Contains(sections, s => s.Status == SectionStatus.InProgress);
        Assert.Contains(sections, s => s.Status == SectionStatus.Complete);
        Assert.Contains(programme.Changes, c => c.OldValue is not null && c.What != "Status");
        Assert.Contains(programme.Transitions, t => t.SupportActions.Any(a => a.DoneOn is null && a.ByWhen < Today));
    }

    [Fact]
    public async Task Both_demo_transition_leads_have_work_on_first_sign_in()
    {
        var secondaryLead = seeded.Users.Single(u => u.Email == "secondary.transition.lead@eastmoor.example");
        await using var db = seeded.Database.CreateContext();
        var programme = await ProgrammeAsync();

        // The primary's cohort: several stages, two of them shared with the demo secondary.
        var sending = await db.Transitions.SendingFrom(FirstPrimary.Id, Today).Select(t => t.Id).ToListAsync();
        var cohort = programme.Transitions.Where(t => sending.Contains(t.Id)).ToList();
        Assert.True(cohort.Count >= 6, $"only {cohort.Count} children in the demo primary's cohort");
        Assert.True(cohort.Select(programme.StageOf).Distinct().Count() >= 5);
        Assert.Contains(cohort, t => programme.StageOf(t) == TransitionStage.Acknowledged && t.DestinationSchoolId == FirstSecondary.Id);
        Assert.Contains(cohort, t => programme.StageOf(t) == TransitionStage.Shared && t.DestinationSchoolId == FirstSecondary.Id);

        // The secondary's incoming children: at least one acknowledged by its lead and one waiting.
        var incoming = await db.InformationShares.SharedWith(FirstSecondary.Id).ToListAsync();
        Assert.Contains(incoming, s => s.AcknowledgedByUserId == secondaryLead.Id);
        Assert.Contains(incoming, s => s.AcknowledgedAtUtc is null);

        // And Year 7s to follow up, one of them flagged.
        var year7 = await db.Transitions.NowAt(FirstSecondary.Id, Today).Select(t => t.Id).ToListAsync();
        Assert.True(year7.Count >= 2, $"only {year7.Count} Year 7 children to follow up at the demo secondary");
        var reviews = programme.Transitions.Where(t => year7.Contains(t.Id)).SelectMany(t => t.FollowUps).ToList();
        Assert.Contains(reviews, f => f.Flags is not null && f.Year7AttendancePercent < FollowUps.AttendanceThreshold);
        Assert.Contains(reviews, f => f.Flags is not null && f.Suspensions > 0);
        Assert.Contains(reviews, f => f.Flags is null);
    }

    [Fact]
    public async Task Schools_have_leads_and_training_with_gaps_for_the_board()
    {
        await using var db = seeded.Database.CreateContext();
        var leads = await db.SchoolTransitionLeads.AsNoTracking().ToListAsync();
        var current = leads.Where(l => l.EndedOn is null).ToList();
        var open = Schools.Where(s => s.IsOpen && s.Phase is SchoolPhase.Primary or SchoolPhase.Secondary).ToList();
        var led = open.Count(s => current.Any(l => l.SchoolId == s.Id));
        Assert.InRange(led, open.Count * 0.6, open.Count - 1);
        Assert.Equal(current.Count, current.Select(l => l.SchoolId).Distinct().Count());
        Assert.Contains(leads, l => l.EndedOn is not null);
        Assert.Contains(current, l => l.SchoolId == FirstPrimary.Id && l.UserId == seeded.Users.Single(u => u.Email == "transition.lead@eastmoor.example").Id);
        Assert.Contains(current, l => l.SchoolId == FirstSecondary.Id && l.UserId == seeded.Users.Single(u => u.Email == "secondary.transition.lead@eastmoor.example").Id);
        Assert.All(leads, l => Assert.EndsWith(".example", l.Email, StringComparison.Ordinal));

        var cohortSchools = await db.Transitions.Where(t => t.CohortYear >= SeededDemoDatabase.Year.StartYear)
            .Select(t => t.SendingSchoolId!.Value).Distinct().ToListAsync();
        Assert.Contains(cohortSchools, id => !current.Any(l => l.SchoolId == id));

        var sessions = await db.TrainingSessions.AsNoTracking().Include(s => s.Attendees).ToListAsync();
        var wholeSchool = sessions.Where(s => s.Kind == TrainingKind.WholeSchool).ToList();
        Assert.Contains(wholeSchool, s => s.SchoolId == FirstPrimary.Id);
        Assert.Contains(cohortSchools, id => !wholeSchool.Any(s => s.SchoolId == id));
        Assert.Contains(sessions, s => s.Kind == TrainingKind.Targeted && s.Audience == TrainingAudience.SchoolStaff);
        Assert.Contains(sessions, s => s.Audience == TrainingAudience.SocialWorkers
            && s.Attendees.Any(a => a.Name == "Daniel Okafor") && s.Attendees.All(a => a.Type == TrainingAudience.SocialWorkers));
        Assert.All(sessions, s =>
        {
            Assert.True(s.Date < Today);
            Assert.NotEmpty(s.Attendees);
            Assert.DoesNotContain(s.Date.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
        });

        var settings = await db.TransitionCohortSettings.SingleAsync();
        Assert.Equal(CohortCriteria.Default, settings.ToCriteria());

        var catalogue = await db.Interventions.AsNoTracking().ToListAsync();
        Assert.Contains(catalogue, i => i.Name == "Resilience programme" && i.OutcomeMeasure is not null);
        Assert.Contains(catalogue, i => i.Name.Contains("BOSS", StringComparison.Ordinal));
        Assert.Contains(catalogue, i => !i.IsActive);
        var enrolments = await db.InterventionEnrolments.AsNoTracking().ToListAsync();
        Assert.Contains(enrolments, e => e.ScoreAfter is not null);
        Assert.Contains(enrolments, e => e.EndDate is null);
        Assert.True(enrolments.Select(e => e.InterventionId).Distinct().Count() >= 4);
    }
}

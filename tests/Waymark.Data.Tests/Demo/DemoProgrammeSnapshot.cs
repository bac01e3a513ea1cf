using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;

namespace Waymark.Data.Tests.Demo;

/// <summary>Every transition of a demo database with what its stage is worked out from, and the checks every demo must pass.</summary>
public sealed class DemoProgrammeSnapshot
{
    private DemoProgrammeSnapshot(List<Transition> transitions, List<Consent> consents, List<InterventionEnrolment> enrolments, List<ProfileSectionChange> changes, DateOnly today)
    {
        Transitions = transitions;
        Consents = consents;
        Enrolments = enrolments;
        Changes = changes;
        Today = today;
    }

    public List<Transition> Transitions { get; }

    public List<Consent> Consents { get; }

    public List<InterventionEnrolment> Enrolments { get; }

    public List<ProfileSectionChange> Changes { get; }

    public DateOnly Today { get; }

    public static async Task<DemoProgrammeSnapshot> LoadAsync(WaymarkDbContext db, DateOnly today)
    {
        var transitions = await db.Transitions.AsNoTracking()
            .Include(t => t.Sections)
            .Include(t => t.Shares)
            .Include(t => t.FollowUps)
            .Include(t => t.Meetings).ThenInclude(m => m.Invitees)
            .Include(t => t.Meetings).ThenInclude(m => m.Actions)
            .Include(t => t.SupportActions)
            .Include(t => t.DestinationChanges)
            .AsSplitQuery()
            .ToListAsync();
        return new DemoProgrammeSnapshot(
            [.. transitions.OrderBy(t => t.Id)],
            await db.Consents.AsNoTracking().ToListAsync(),
            await db.InterventionEnrolments.AsNoTracking().ToListAsync(),
            await db.ProfileSectionChanges.AsNoTracking().ToListAsync(),
            today);
    }

    public Consent? ConsentInForce(Guid childId) =>
        Consents.Where(c => c.ChildId == childId && c.Purpose == Sharing.TransitionPurpose && c.WithdrawnOn == null)
            .OrderByDescending(c => c.GivenOn).FirstOrDefault();

    /// <summary>The stage as the worklists work it out.</summary>
    public TransitionStage StageOf(Transition t)
    {
        var share = t.Shares.FirstOrDefault(s => s.EndedAtUtc == null);
        return TransitionStages.Of(new TransitionFacts(
            t.Decision,
            t.Sections.Count(s => s.Status != SectionStatus.NotStarted),
            t.Sections.Count(s => s.Status == SectionStatus.Complete),
            share is not null,
            share?.AcknowledgedAtUtc is not null,
            Today >= t.MoveDate,
            t.FollowUps.Any(f => f.Kind == FollowUpKind.EndOfFirstTerm)));
    }

    /// <summary>What holds for the demo on any date: the rules the app enforces, and nothing after today that has happened.</summary>
    public void AssertConsistent()
    {
        var today = Today;
        var endOfToday = today.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc);
        Assert.All(Transitions, t =>
        {
            // Never more than three meetings, counting cancelled ones too.
            Assert.InRange(t.Meetings.Count, 0, PcpMeetings.MaxPerChild);

            // The sharing rule: a share is in force exactly when the place is accepted and consent is in force.
            var inForce = t.Shares.Where(s => s.EndedAtUtc == null).ToList();
            Assert.True(inForce.Count <= 1);
            var consent = ConsentInForce(t.ChildId);
            if (t.Decision == CohortDecision.Removed)
            {
                Assert.Empty(inForce);
            }
            else
            {
                var shareable = Sharing.WhyNotShareable(t.DestinationSchoolId is not null, t.DestinationStatus, consent is not null) is null;
                Assert.Equal(shareable, inForce.Count == 1);
            }

            foreach (var share in t.Shares)
            {
                Assert.Equal(t.ChildId, share.ChildId);
                Assert.Equal(ShareBasis.Consent, share.Basis);
                Assert.Equal(Sharing.TransitionWhat, share.What);
                var given = Assert.Single(Consents, c => c.Id == share.ConsentId);
                Assert.Equal(t.ChildId, given.ChildId);
                Assert.True(DateOnly.FromDateTime(share.SharedAtUtc) >= given.GivenOn);
                Assert.True(share.SharedAtUtc <= endOfToday);
                if (share.EndedAtUtc is null)
                {
                    Assert.Equal(t.DestinationSchoolId, share.RecipientSchoolId);
                    Assert.Null(given.WithdrawnOn);
                }
                else
                {
                    Assert.NotNull(share.EndReason);
                    Assert.NotNull(given.WithdrawnOn);
                }

                if (share.AcknowledgedAtUtc is { } acknowledged)
                {
                    Assert.NotNull(share.AcknowledgedByUserId);
                    Assert.True(acknowledged >= share.SharedAtUtc && acknowledged <= endOfToday);
                }
            }

            // A destination has its history, ending in the current school and status.
            if (t.DestinationSchoolId is not null)
            {
                var last = t.DestinationChanges.OrderBy(d => d.ChangedAtUtc).ThenBy(d => d.Id).Last();
                Assert.Equal((t.DestinationSchoolId, t.DestinationStatus), (last.SchoolId, last.Status));
            }
            else
            {
                Assert.Null(t.DestinationStatus);
                Assert.Empty(t.DestinationChanges);
            }

            // Things that have happened are dated on or before today and after the proposal.
            Assert.True(t.ProposedAtUtc <= endOfToday);
            Assert.Equal(t.Decision == CohortDecision.Proposed, t.DecidedAtUtc is null);
            Assert.True(t.DecidedAtUtc is null || (t.DecidedAtUtc >= t.ProposedAtUtc && t.DecidedAtUtc <= endOfToday));
            Assert.All(t.DestinationChanges, d => Assert.True(d.ChangedAtUtc >= t.ProposedAtUtc && d.ChangedAtUtc <= endOfToday));
            Assert.All(t.Sections, s => Assert.True(s.UpdatedAtUtc >= t.ProposedAtUtc && s.UpdatedAtUtc <= endOfToday));
            Assert.All(t.Meetings, m =>
            {
                Assert.Equal(m.Status == MeetingStatus.Held, m.RecordedAtUtc is not null);
                Assert.True(m.CreatedAtUtc <= endOfToday);
                if (m.Status == MeetingStatus.Held)
                {
                    Assert.True(m.Date < today || (m.Date == today && m.RecordedAtUtc <= endOfToday));
                    Assert.DoesNotContain(m.Invitees, i => i.Attendance == MeetingAttendance.NotRecorded);
                }
                else
                {
                    Assert.All(m.Invitees, i => Assert.Equal(MeetingAttendance.NotRecorded, i.Attendance));
                    Assert.Empty(m.Actions);
                }

                Assert.Equal(m.Status == MeetingStatus.Cancelled, m.CancelledReason is not null);
                Assert.All(m.Invitees, i => Assert.Equal(i.Attendance == MeetingAttendance.SentDelegate, i.DelegateName is not null));
                Assert.All(m.Actions, a => Assert.True(a.DoneOn is null || a.DoneOn <= today));
            });
            Assert.All(t.SupportActions, a => Assert.True(a.DoneOn is null || a.DoneOn <= today));

            // Sections: complete ones answer every question, and the restricted family section stays restricted.
            Assert.Equal(t.Sections.Count, t.Sections.Select(s => s.Section).Distinct().Count());
            Assert.All(t.Sections, s =>
            {
                Assert.Empty(ProfileSections.Validate(s.Section, s.Answers.ToDictionary(a => a.Key, a => (string?)a.Value), s.Status));
                Assert.NotEmpty(s.Answers);
                Assert.All(s.Answers.Values, v => Assert.DoesNotContain("{", v, StringComparison.Ordinal));
                if (s.Section == ProfileSection.FamilyAndProfessionals)
                {
                    Assert.Equal(SharingLevel.Restricted, s.Sharing);
                }

                Assert.Contains(Changes, c => c.TransitionId == t.Id && c.Section == s.Section && c.SharingAtChange == s.Sharing);
            });

            // Year 7 reviews: after the move, not in the future, flags by the rule.
            Assert.All(t.FollowUps, f =>
            {
                Assert.Empty(FollowUps.Validate(f.HeldOn, t.MoveDate, today, f.Year6AttendancePercent, f.Year7AttendancePercent, f.Suspensions));
                var flags = FollowUps.Flags(f.Year7AttendancePercent, f.Suspensions);
                Assert.Equal(flags.Count == 0 ? null : string.Join('\n', flags), f.Flags);
            });
            Assert.Equal(t.FollowUps.Count, t.FollowUps.Select(f => f.Kind).Distinct().Count());
        });

        Assert.All(Enrolments, e => Assert.Empty(Interventions.ValidateEnrolment(
            e.StartDate, e.EndDate, e.SessionsPlanned, e.SessionsAttended, e.ScoreBefore, e.ScoreAfter, today)));
        Assert.All(Consents, c => Assert.True(c.GivenOn <= today && (c.WithdrawnOn is null || (c.WithdrawnOn >= c.GivenOn && c.WithdrawnOn <= today))));
        Assert.All(Changes, c => Assert.True(c.ChangedAtUtc <= endOfToday));
    }
}

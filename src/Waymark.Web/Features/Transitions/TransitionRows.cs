using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;

namespace Waymark.Web.Features.Transitions;

/// <summary>One line of a transition worklist: who, where they are in the programme, and what is due.</summary>
public sealed record TransitionRow(
    Guid Id,
    Guid ChildId,
    string Name,
    string? Upn,
    int CohortYear,
    int? SendingSchoolId,
    string? SendingSchool,
    int? DestinationSchoolId,
    string? DestinationSchool,
    DestinationStatus? DestinationStatus,
    CohortDecision Decision,
    string ProposedBecause,
    TransitionStage Stage,
    int SectionsComplete,
    DateOnly? NextMeeting,
    int MeetingsArranged,
    int MeetingsHeld,
    int MeetingsToRecord,
    int OverdueActions,
    bool Acknowledged,
    string? Flags)
{
    public int SectionsMissing => ProfileSections.All.Count - SectionsComplete;

    public bool Flagged => !string.IsNullOrEmpty(Flags);
}

public static class TransitionRows
{
    /// <summary>Projects transitions to worklist rows in one query, ordered by surname.</summary>
    public static async Task<List<TransitionRow>> LoadAsync(IQueryable<Transition> transitions, DateOnly today, CancellationToken ct = default)
    {
        var rows = await transitions.AsNoTracking()
            .OrderBy(t => t.Child!.LegalSurname).ThenBy(t => t.Child!.LegalForename)
            .Select(t => new
            {
                t.Id,
                t.ChildId,
                Forename = t.Child!.PreferredForename ?? t.Child.LegalForename,
                Surname = t.Child.PreferredSurname ?? t.Child.LegalSurname,
                t.Child.Upn,
                t.CohortYear,
                t.SendingSchoolId,
                Sending = t.SendingSchool!.Name,
                t.DestinationSchoolId,
                Destination = t.DestinationSchool!.Name,
                t.DestinationStatus,
                t.Decision,
                t.ProposedBecause,
                Started = t.Sections.Count(s => s.Status != SectionStatus.NotStarted),
                Complete = t.Sections.Count(s => s.Status == SectionStatus.Complete),
                ShareActive = t.Shares.Any(s => s.EndedAtUtc == null),
                Acknowledged = t.Shares.Any(s => s.EndedAtUtc == null && s.AcknowledgedAtUtc != null),
                NextMeeting = t.Meetings.Where(m => m.Status == MeetingStatus.Planned && m.Date >= today).Min(m => (DateOnly?)m.Date),
                Arranged = t.Meetings.Count(m => m.Status != MeetingStatus.Cancelled),
                Held = t.Meetings.Count(m => m.Status == MeetingStatus.Held),
                ToRecord = t.Meetings.Count(m => m.Status == MeetingStatus.Planned && m.Date < today),
                OverdueMeetingActions = t.Meetings.SelectMany(m => m.Actions).Count(a => a.DoneOn == null && a.ByWhen < today),
                OverduePlanActions = t.SupportActions.Count(a => a.DoneOn == null && a.ByWhen < today),
                EndOfTerm = t.FollowUps.Any(f => f.Kind == FollowUpKind.EndOfFirstTerm),
                Flags = t.FollowUps.OrderByDescending(f => f.HeldOn).Select(f => f.Flags).FirstOrDefault(),
            })
            .ToListAsync(ct);

        return rows.Select(r =>
        {
            var moved = today >= Waymark.Domain.Transitions.CohortYears.MoveDate(new(r.CohortYear));
            var stage = TransitionStages.Of(new TransitionFacts(r.Decision, r.Started, r.Complete, r.ShareActive, r.Acknowledged, moved, r.EndOfTerm));
            return new TransitionRow(r.Id, r.ChildId, $"{r.Forename} {r.Surname}", r.Upn, r.CohortYear, r.SendingSchoolId, r.Sending,
                r.DestinationSchoolId, r.Destination, r.DestinationStatus, r.Decision, r.ProposedBecause, stage, r.Complete, r.NextMeeting,
                r.Arranged, r.Held, r.ToRecord, r.OverdueMeetingActions + r.OverduePlanActions, r.Acknowledged, r.Flags);
        }).ToList();
    }
}

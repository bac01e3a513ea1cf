using Waymark.Data.Entities;

namespace Waymark.Data.Demo;

/// <summary>
/// Rows that nothing refers to, held back from SaveChanges and written with <see cref="DemoBulkInsert"/>
/// once their parents are saved and have their keys. Most of the demo programme's rows are these.
/// </summary>
internal sealed class DemoLeafRows
{
    public List<TransitionProfileSection> Sections { get; } = [];

    public List<ProfileSectionChange> Changes { get; } = [];

    public List<SupportPlanAction> SupportActions { get; } = [];

    public List<DestinationChange> DestinationChanges { get; } = [];

    public List<(PcpMeeting Meeting, PcpInvitee Row)> Invitees { get; } = [];

    public List<(PcpMeeting Meeting, PcpAction Row)> Actions { get; } = [];

    public List<(TrainingSession Session, TrainingAttendee Row)> Attendees { get; } = [];

    public async Task WriteAsync(WaymarkDbContext db, CancellationToken ct)
    {
        await BulkInsert.InsertAsync(db, Sections, ct);
        await BulkInsert.InsertAsync(db, Changes, ct);
        await BulkInsert.InsertAsync(db, SupportActions, ct);
        await BulkInsert.InsertAsync(db, DestinationChanges, ct);
        await BulkInsert.InsertAsync(db, [.. Invitees.Select(x => { x.Row.MeetingId = x.Meeting.Id; return x.Row; })], ct);
        await BulkInsert.InsertAsync(db, [.. Actions.Select(x => { x.Row.MeetingId = x.Meeting.Id; return x.Row; })], ct);
        await BulkInsert.InsertAsync(db, [.. Attendees.Select(x => { x.Row.SessionId = x.Session.Id; return x.Row; })], ct);
        Sections.Clear();
        Changes.Clear();
        SupportActions.Clear();
        DestinationChanges.Clear();
        Invitees.Clear();
        Actions.Clear();
        Attendees.Clear();
    }
}

using System.Data;
using System.Data.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Meetings;

/// <summary>Arrange a person-centred planning meeting: when, where and who is invited. The programme offers three.</summary>
public sealed class NewModel(WaymarkDbContext db, TransitionGate gate, Auditor auditor, CurrentUser currentUser, TimeProvider clock)
    : TransitionPageModel(gate)
{
    /// <summary>Rows offered for invitees; without JavaScript a form cannot grow, so there are enough for a full meeting.</summary>
    public const int InviteeRows = 6;

    private const string PageName = "arrange a PCP meeting";

    [BindProperty]
    public DateInput Date { get; set; } = new();

    [BindProperty]
    public string? StartTime { get; set; }

    [BindProperty]
    public string? Venue { get; set; }

    [BindProperty]
    public List<InviteeRow> Invitees { get; set; } = [];

    /// <summary>Why no meeting can be arranged for this child; shown instead of the form.</summary>
    public string? CannotArrange { get; private set; }

    public string OverviewPath => $"/transition/{View.Transition.Id}#meetings";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, r => r.EditPlanning) is IActionResult refused)
        {
            return refused;
        }

        CannotArrange = await WhyNotAsync(id);

        // One row per role to start with, so nobody is left off the invitation by oversight.
        Invitees = Enum.GetValues<MeetingRole>().Select(r => new InviteeRow { Role = r.ToString() }).ToList();
        PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, PageName, r => r.EditPlanning, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        PadRows();
        CannotArrange = await WhyNotAsync(id);
        if (CannotArrange is not null)
        {
            return Page();
        }

        var meeting = Validate();
        if (meeting is null)
        {
            return Page();
        }

        // The count and the insert in one serializable transaction, so two people arranging at
        // once cannot make a fourth: the later one is refused (PostgreSQL) or waits (SQLite).
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
            CannotArrange = await WhyNotAsync(id);
            if (CannotArrange is null)
            {
                db.PcpMeetings.Add(meeting);
                auditor.Record(AuditActions.TransitionChanged, View.Transition.ChildId, $"PCP meeting arranged for {MeetingText.Date(meeting.Date)}");
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        }
        catch (Exception ex) when (IsSerializationFailure(ex))
        {
            db.ChangeTracker.Clear();
            CannotArrange = await WhyNotAsync(id) ?? "Someone else changed this child's meetings at the same time. Check the meetings and try again.";
        }

        if (CannotArrange is not null)
        {
            return Page();
        }

        Flash($"Meeting arranged for {MeetingText.When(meeting)}");
        return Redirect($"/transition/{id}/meetings/{meeting.Id}");
    }

    private async Task<string?> WhyNotAsync(Guid id)
    {
        if (View.Transition.Decision == CohortDecision.Removed)
        {
            return "This child was removed from the transition programme, so meetings cannot be arranged for them.";
        }

        var arranged = await db.PcpMeetings.CountAsync(m => m.TransitionId == id && m.Status != MeetingStatus.Cancelled);
        return PcpMeetings.WhyNoMoreMeetings(arranged);
    }

    private PcpMeeting? Validate()
    {
        var date = Date.Parse(ModelState, "Date", "the meeting date");
        if (date is DateOnly d && PlanDates.NotInPast(d, View.Today, "The meeting date") is string past)
        {
            ModelState.AddModelError("Date", past);
        }

        var time = MeetingRules.ParseStartTime(StartTime);
        if (string.IsNullOrWhiteSpace(StartTime))
        {
            ModelState.AddModelError(nameof(StartTime), "Enter the start time");
        }
        else if (time is null)
        {
            ModelState.AddModelError(nameof(StartTime), "Enter a real start time, for example 14:30 or 2:30pm");
        }

        var venue = MeetingText.Clean(Venue);
        if (venue is null)
        {
            ModelState.AddModelError(nameof(Venue), "Enter where the meeting will be held");
        }
        else if (venue.Length > 300)
        {
            ModelState.AddModelError(nameof(Venue), "The venue must be 300 characters or fewer");
        }

        var invitees = new List<PcpInvitee>();
        var named = false;
        for (var i = 0; i < Invitees.Count; i++)
        {
            var row = Invitees[i];
            var name = MeetingText.Clean(row.Name);
            if (name is null)
            {
                continue; // a blank row is one not needed
            }

            named = true;

            var role = MeetingText.ParseRole(row.Role);
            if (role is null)
            {
                ModelState.AddModelError(RoleKey(i), $"Select the role of invitee {i + 1}, {name}");
            }

            if (name.Length > 200)
            {
                ModelState.AddModelError(NameKey(i), $"The name of invitee {i + 1} must be 200 characters or fewer");
            }

            if (role is MeetingRole r)
            {
                invitees.Add(new PcpInvitee { Role = r, Name = name, Attendance = MeetingAttendance.NotRecorded });
            }
        }

        if (!named)
        {
            ModelState.AddModelError(NameKey(0), "Enter the name of at least one person invited");
        }

        if (!ModelState.IsValid || date is null || time is null || venue is null)
        {
            return null;
        }

        return new PcpMeeting
        {
            TransitionId = View.Transition.Id, Date = date.Value, StartTime = time.Value, Venue = venue, Status = MeetingStatus.Planned,
            CreatedByUserId = currentUser.Id, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, Invitees = invitees,
        };
    }

    private void PadRows()
    {
        if (Invitees.Count > InviteeRows)
        {
            Invitees = Invitees.Take(InviteeRows).ToList();
        }

        while (Invitees.Count < InviteeRows)
        {
            Invitees.Add(new InviteeRow());
        }
    }

    public static string RoleKey(int row) => $"invitee-{row + 1}-role";

    public static string NameKey(int row) => $"invitee-{row + 1}-name";

    private static bool IsSerializationFailure(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: "40001" })
            {
                return true;
            }
        }

        return false;
    }

    public sealed class InviteeRow
    {
        public string? Role { get; set; }

        public string? Name { get; set; }
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Meetings;

/// <summary>Base for the pages about one meeting: the meeting must belong to the transition in the address.</summary>
public abstract class MeetingPageModel(WaymarkDbContext db, TransitionGate gate) : TransitionPageModel(gate)
{
    protected WaymarkDbContext Db => db;

    public PcpMeeting Meeting { get; private set; } = null!;

    public string MeetingPath => $"/transition/{View.Transition.Id}/meetings/{Meeting.Id}";

    /// <summary>As <see cref="TransitionPageModel"/>'s OpenAsync, then 404 unless the meeting is this transition's.</summary>
    protected async Task<IActionResult?> OpenMeetingAsync(Guid id, int meetingId, string page, Func<TransitionRights, bool> allowed,
        bool tracking = false)
    {
        if (await OpenAsync(id, page, allowed, tracking) is IActionResult refused)
        {
            return refused;
        }

        var query = db.PcpMeetings.Include(m => m.Invitees).Include(m => m.Actions).AsQueryable();
        if (!tracking)
        {
            query = query.AsNoTracking();
        }

        var meeting = await query.SingleOrDefaultAsync(m => m.Id == meetingId && m.TransitionId == id);
        if (meeting is null)
        {
            return NotFound();
        }

        Meeting = meeting;
        return null;
    }
}

/// <summary>Wording and choices shared by the meeting pages.</summary>
public static class MeetingText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>The day in England on which something stamped in UTC happened.</summary>
    public static string Date(DateTime utc) =>
        Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London)));

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string When(PcpMeeting meeting) => $"{Date(meeting.Date)} at {Time(meeting.StartTime)}";

    public static IReadOnlyList<SelectOption> RoleOptions(string? selected) =>
        [new SelectOption("", "Choose a role", string.IsNullOrEmpty(selected)),
         .. Enum.GetValues<MeetingRole>().Select(r => new SelectOption(r.ToString(), PcpMeetings.DisplayName(r), r.ToString() == selected))];

    /// <summary>The attendance choices a recorder can make; "not recorded" is where everyone starts, not a choice.</summary>
    public static IEnumerable<MeetingAttendance> Recordable =>
        Enum.GetValues<MeetingAttendance>().Where(a => a != MeetingAttendance.NotRecorded);

    public static MeetingRole? ParseRole(string? value) => ParseName<MeetingRole>(value);

    public static MeetingAttendance? ParseAttendance(string? value) =>
        ParseName<MeetingAttendance>(value) is MeetingAttendance a && a != MeetingAttendance.NotRecorded ? a : null;

    /// <summary>An enum member by its name only: numbers would let a form post values that are not on the page.</summary>
    private static T? ParseName<T>(string? value) where T : struct, Enum =>
        !string.IsNullOrEmpty(value) && value.All(char.IsAsciiLetter) && Enum.TryParse<T>(value, ignoreCase: false, out var parsed) ? parsed : null;

    /// <summary>Trims text and makes blank null, so empty answers are stored as nothing.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// One person's attendance as radios, with the delegate's name revealed under "Sent a delegate".
/// <see cref="Id"/> is the first radio's id and <see cref="DelegateId"/> the name box's, so the error summary can link to them.
/// </summary>
public sealed record AttendanceRadios(string Name, string Id, string Legend, string? Selected, string? Error,
    string DelegateName, string DelegateId, string? DelegateValue, string? DelegateError, string? Hint = null);

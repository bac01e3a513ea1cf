using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Transitions.Meetings;

/// <summary>
/// Record a meeting once its day has come: what each invitee did, anyone who came without an
/// invitation, and the person-centred notes. A held meeting's record can be corrected here too.
/// </summary>
public sealed class RecordModel(WaymarkDbContext db, TransitionGate gate, Auditor auditor, CurrentUser currentUser, TimeProvider clock)
    : MeetingPageModel(db, gate)
{
    private const string PageName = "record a PCP meeting";

    /// <summary>Notes are free text, but not unbounded.</summary>
    public const int NoteLimit = 10_000;

    /// <summary>
    /// Attendance by invitee id, as the names of <see cref="MeetingAttendance"/> members. Read from
    /// the form fields attendance-{id} and delegate-{id}, named as the error summary links to them.
    /// </summary>
    public Dictionary<int, string?> Attendance { get; } = [];

    /// <summary>The delegate's name by invitee id, kept only for those who sent one.</summary>
    public Dictionary<int, string?> Delegates { get; } = [];

    [BindProperty]
    public string? WhatsWorking { get; set; }

    [BindProperty]
    public string? WhatsNotWorking { get; set; }

    [BindProperty]
    public string? ImportantToChild { get; set; }

    [BindProperty]
    public string? ImportantForChild { get; set; }

    [BindProperty]
    public string? QuestionsToAnswer { get; set; }

    [BindProperty]
    public string? LateRole { get; set; }

    [BindProperty]
    public string? LateName { get; set; }

    [BindProperty]
    public string? LateAttendance { get; set; }

    [BindProperty]
    public string? LateDelegate { get; set; }

    public string? CannotRecord { get; private set; }

    /// <summary>The late invitee's box stays open once anything is in it, so its answers and errors are seen.</summary>
    public bool LateOpen => !string.IsNullOrWhiteSpace(LateName) || !string.IsNullOrEmpty(LateRole) || !string.IsNullOrEmpty(LateAttendance)
        || new[] { nameof(LateName), nameof(LateRole), nameof(LateAttendance), nameof(LateDelegate) }.Any(k => ErrorFor(k) is not null);

    public IEnumerable<PcpInvitee> Invitees => Meeting.Invitees.OrderBy(i => i.Role).ThenBy(i => i.Id);

    public async Task<IActionResult> OnGetAsync(Guid id, int meetingId)
    {
        if (await OpenMeetingAsync(id, meetingId, PageName, r => r.EditPlanning) is IActionResult refused)
        {
            return refused;
        }

        CannotRecord = MeetingRules.WhyCannotRecord(Meeting.Status, Meeting.Date, View.Today);
        foreach (var invitee in Meeting.Invitees)
        {
            Attendance[invitee.Id] = invitee.Attendance == MeetingAttendance.NotRecorded ? null : invitee.Attendance.ToString();
            Delegates[invitee.Id] = invitee.DelegateName;
        }

        WhatsWorking = Meeting.WhatsWorking;
        WhatsNotWorking = Meeting.WhatsNotWorking;
        ImportantToChild = Meeting.ImportantToChild;
        ImportantForChild = Meeting.ImportantForChild;
        QuestionsToAnswer = Meeting.QuestionsToAnswer;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int meetingId)
    {
        if (await OpenMeetingAsync(id, meetingId, PageName, r => r.EditPlanning, tracking: true) is IActionResult refused)
        {
            return refused;
        }

        CannotRecord = MeetingRules.WhyCannotRecord(Meeting.Status, Meeting.Date, View.Today);
        if (CannotRecord is not null)
        {
            return Page();
        }

        var marks = new Dictionary<int, (MeetingAttendance Attendance, string? Delegate)>();
        foreach (var invitee in Meeting.Invitees)
        {
            Attendance[invitee.Id] = Request.Form[AttendanceKey(invitee.Id)].FirstOrDefault();
            Delegates[invitee.Id] = Request.Form[DelegateKey(invitee.Id)].FirstOrDefault();
            var attendance = ReadAttendance(Attendance.GetValueOrDefault(invitee.Id), Delegates.GetValueOrDefault(invitee.Id),
                AttendanceKey(invitee.Id), DelegateKey(invitee.Id), invitee.Name);
            if (attendance is { } a)
            {
                marks[invitee.Id] = a;
            }
        }

        var late = ReadLateInvitee();
        var notes = new[]
        {
            (Key: nameof(WhatsWorking), Text: MeetingText.Clean(WhatsWorking)),
            (Key: nameof(WhatsNotWorking), Text: MeetingText.Clean(WhatsNotWorking)),
            (Key: nameof(ImportantToChild), Text: MeetingText.Clean(ImportantToChild)),
            (Key: nameof(ImportantForChild), Text: MeetingText.Clean(ImportantForChild)),
            (Key: nameof(QuestionsToAnswer), Text: MeetingText.Clean(QuestionsToAnswer)),
        };
        foreach (var (key, text) in notes.Where(n => n.Text is { Length: > NoteLimit }))
        {
            ModelState.AddModelError(key, $"{NoteLabel(key)} must be {NoteLimit:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var wasHeld = Meeting.Status == MeetingStatus.Held;
        foreach (var invitee in Meeting.Invitees)
        {
            (invitee.Attendance, invitee.DelegateName) = marks[invitee.Id];
        }

        if (late is not null)
        {
            Meeting.Invitees.Add(late);
        }

        Meeting.WhatsWorking = notes[0].Text;
        Meeting.WhatsNotWorking = notes[1].Text;
        Meeting.ImportantToChild = notes[2].Text;
        Meeting.ImportantForChild = notes[3].Text;
        Meeting.QuestionsToAnswer = notes[4].Text;
        Meeting.Status = MeetingStatus.Held;
        Meeting.RecordedByUserId = currentUser.Id;
        Meeting.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;

        var attended = Meeting.Invitees.Count(i => i.Attendance == MeetingAttendance.Attended);
        var detail = $"PCP meeting of {MeetingText.Date(Meeting.Date)} {(wasHeld ? "record changed" : "recorded as held")}: "
            + $"{attended} of {Meeting.Invitees.Count} invited attended"
            + (late is null ? "" : $"; {PcpMeetings.DisplayName(late.Role).ToLowerInvariant()} added to those invited");
        auditor.Record(AuditActions.TransitionChanged, View.Transition.ChildId, detail);
        await Db.SaveChangesAsync();

        Flash(wasHeld ? "Record of the meeting updated" : "Meeting recorded");
        return Redirect(MeetingPath);
    }

    private (MeetingAttendance, string?)? ReadAttendance(string? value, string? delegateName, string key, string delegateKey, string who)
    {
        var attendance = MeetingText.ParseAttendance(value);
        if (attendance is null)
        {
            ModelState.AddModelError(key, $"Select whether {who} attended");
            return null;
        }

        if (attendance != MeetingAttendance.SentDelegate)
        {
            return (attendance.Value, null);
        }

        var name = MeetingText.Clean(delegateName);
        if (name is null)
        {
            ModelState.AddModelError(delegateKey, $"Enter the name of the delegate {who} sent");
            return null;
        }

        if (name.Length > 200)
        {
            ModelState.AddModelError(delegateKey, "The name of the delegate must be 200 characters or fewer");
            return null;
        }

        return (attendance.Value, name);
    }

    /// <summary>Someone who came without being on the invitation; all of role, name and attendance, or nothing.</summary>
    private PcpInvitee? ReadLateInvitee()
    {
        var name = MeetingText.Clean(LateName);
        var role = MeetingText.ParseRole(LateRole);
        if (name is null && role is null && string.IsNullOrEmpty(LateAttendance))
        {
            return null;
        }

        if (name is null)
        {
            ModelState.AddModelError(nameof(LateName), "Enter the name of the person you are adding");
        }
        else if (name.Length > 200)
        {
            ModelState.AddModelError(nameof(LateName), "The name must be 200 characters or fewer");
        }

        if (role is null)
        {
            ModelState.AddModelError(nameof(LateRole), "Select the role of the person you are adding");
        }

        var attendance = ReadAttendance(LateAttendance, LateDelegate, nameof(LateAttendance), nameof(LateDelegate), name ?? "the person you are adding");
        if (name is null || name.Length > 200 || role is null || attendance is null)
        {
            return null;
        }

        return new PcpInvitee { Role = role.Value, Name = name, Attendance = attendance.Value.Item1, DelegateName = attendance.Value.Item2 };
    }

    public static string AttendanceKey(int inviteeId) => $"attendance-{inviteeId}";

    public static string DelegateKey(int inviteeId) => $"delegate-{inviteeId}";

    public string NoteLabel(string key) => key switch
    {
        nameof(WhatsWorking) => "What's working",
        nameof(WhatsNotWorking) => "What's not working",
        nameof(ImportantToChild) => $"What's important to {ChildName}",
        nameof(ImportantForChild) => $"What's important for {ChildName}",
        nameof(QuestionsToAnswer) => "Questions to answer",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a note."),
    };
}

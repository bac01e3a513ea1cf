using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Send;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Send;

/// <summary>Records a phase transfer: the kind, the date of transfer (so the deadline), the new school named and when the plan was amended.</summary>
public sealed class PhaseTransferModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : SendPageModel(db, gate, currentUser, auditor, clock)
{
    public EhcPhaseTransfer? Existing { get; private set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public DateInput TransferOn { get; set; } = new();

    [BindProperty]
    public string? NewSchoolId { get; set; }

    [BindProperty]
    public DateInput AmendedOn { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Schools { get; private set; } = [];

    public IReadOnlyList<ChoiceOption> KindOptions => PhaseTransfers.All
        .Select(k => new ChoiceOption(k.ToString(), PhaseTransfers.DisplayName(k), Kind == k.ToString(),
            PhaseTransfers.DeadlineRule(k))).ToList();

    public IReadOnlyList<SelectOption> SchoolOptions =>
        [new("", "Not named yet", string.IsNullOrEmpty(NewSchoolId)), .. Schools.Select(s => new SelectOption(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name, NewSchoolId == s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    public async Task<IActionResult> OnGetAsync(Guid id, string tid)
    {
        if (await LoadAsync(id, tid) is IActionResult refused)
        {
            return refused;
        }

        if (Existing is { } t)
        {
            Kind = t.Kind.ToString();
            TransferOn = DateInput.From(t.TransferOn);
            NewSchoolId = t.NewSchoolId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            AmendedOn = DateInput.From(t.AmendedOn);
        }
        else
        {
            TransferOn = DateInput.From(PhaseTransfers.SeptemberTransferAfter(AcademicYear.Containing(TodayDate)));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string tid)
    {
        if (await LoadAsync(id, tid) is IActionResult refused)
        {
            return refused;
        }

        PhaseTransferKind? kind = PhaseTransfers.All.Where(k => k.ToString() == Kind).Select(k => (PhaseTransferKind?)k).FirstOrDefault();
        if (kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Select the phase transfer");
        }

        var transferOn = TransferOn.Parse(ModelState, nameof(TransferOn), "the date of transfer");
        var amendedOn = AmendedOn.Parse(ModelState, nameof(AmendedOn), "the date the amended plan was issued", required: false);
        int? schoolId = null;
        if (!string.IsNullOrEmpty(NewSchoolId))
        {
            if (int.TryParse(NewSchoolId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && Schools.Any(x => x.Id == s))
            {
                schoolId = s;
            }
            else
            {
                ModelState.AddModelError(nameof(NewSchoolId), "Select a school from the list");
            }
        }

        if (amendedOn is DateOnly a)
        {
            if (a > TodayDate)
            {
                ModelState.AddModelError(nameof(AmendedOn), "The date the amended plan was issued must be today or in the past");
            }
            else if (schoolId is null && !ModelState.ContainsKey(nameof(NewSchoolId)))
            {
                ModelState.AddModelError(nameof(NewSchoolId), "Select the new school: the amended plan must name it");
            }
        }

        if (transferOn is DateOnly t && Case.PhaseTransfers.Any(x => x.Id != Existing?.Id && x.TransferOn == t))
        {
            ModelState.AddModelError(nameof(TransferOn), $"A phase transfer on {t:d MMMM yyyy} is already recorded");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var transfer = Existing is null ? null : await Db.EhcPhaseTransfers.SingleAsync(x => x.Id == Existing.Id);
        if (transfer is null)
        {
            transfer = new EhcPhaseTransfer { ChildId = id, CreatedByUserId = CurrentUser.Id, CreatedAtUtc = UtcNow };
            Db.EhcPhaseTransfers.Add(transfer);
        }

        transfer.Kind = kind!.Value;
        transfer.TransferOn = transferOn!.Value;
        transfer.DueOn = PhaseTransfers.DeadlineFor(kind.Value, transferOn.Value);
        transfer.NewSchoolId = schoolId;
        transfer.AmendedOn = amendedOn;
        Auditor.Record(AuditActions.SendChanged, id, $"Phase transfer {kind} on {transferOn:yyyy-MM-dd}, due {transfer.DueOn:yyyy-MM-dd}{(amendedOn is null ? "" : $", amended {amendedOn:yyyy-MM-dd}")}");
        await Db.SaveChangesAsync();
        Flash($"Phase transfer saved: amend by {transfer.DueOn:d MMMM yyyy}");
        return Redirect(ChildPath);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string tid)
    {
        (var refused, Existing) = await OpenRecordAsync(id, "phase transfer", tid, c => c.PhaseTransfers, r => r.Id);
        if (refused is null)
        {
            Schools = (await Db.Schools.AsNoTracking().Where(s => s.IsOpen).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync())
                .Select(s => (s.Id, s.Name)).ToList();
        }

        return refused;
    }
}

using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Governance;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;
using ConsentRecord = Waymark.Data.Entities.Consent;
using DomainSharing = Waymark.Domain.Transitions.Sharing;

namespace Waymark.Web.Features.Children.Ledger;

/// <summary>Records a consent to share information about the child: for what purpose, which information, given by whom and when.</summary>
public sealed class ConsentModel(WaymarkDbContext db, ChildGate gate, Auditor auditor, CurrentUser currentUser, TimeProvider clock)
    : LedgerPageModel(db, gate, clock)
{
    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public string? DataCovered { get; set; }

    [BindProperty]
    public string? GivenByName { get; set; }

    [BindProperty]
    public string? GivenBy { get; set; }

    [BindProperty]
    public DateInput GivenOn { get; set; } = new();

    [BindProperty]
    public bool PurposeExplained { get; set; }

    public IReadOnlyList<ChoiceOption> GiverOptions => ConsentGiverOptions.For(GivenBy);

    public async Task<IActionResult> OnGetAsync(Guid id) => await OpenAsync(id, "record consent") ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenAsync(id, "record consent") is IActionResult refused)
        {
            return refused;
        }

        Purpose = Purpose?.Trim();
        DataCovered = DataCovered?.Trim();
        GivenByName = GivenByName?.Trim();
        Check(nameof(Purpose), SharingRules.TextProblem(Purpose, "what the information will be shared for", 300));
        if (string.Equals(Purpose, DomainSharing.TransitionPurpose, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Purpose), "Record consent to share transition information from the child's transition, so that the sharing follows it");
        }

        Check(nameof(DataCovered), SharingRules.TextProblem(DataCovered, "which information the consent covers", 300));
        Check(nameof(GivenByName), SharingRules.TextProblem(GivenByName, "the name of the person who gave consent"));
        ConsentGiver? giver = Enum.TryParse<ConsentGiver>(GivenBy, out var g) && Enum.IsDefined(g) ? g : null;
        if (giver is null)
        {
            ModelState.AddModelError(nameof(GivenBy), "Select who gave consent");
        }

        var givenOn = GivenOn.Parse(ModelState, nameof(GivenOn), "the date consent was given");
        if (givenOn is DateOnly date)
        {
            Check(nameof(GivenOn), SharingRules.DateProblem(date, TodayDate, "The date consent was given"));
        }

        if (!PurposeExplained)
        {
            ModelState.AddModelError(nameof(PurposeExplained), "Confirm that the purpose was explained to them and they agreed to it");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Db.Consents.Add(new ConsentRecord
        {
            ChildId = id, Purpose = Purpose!, DataCovered = DataCovered, GivenByName = GivenByName!, GivenBy = giver!.Value, GivenOn = givenOn!.Value,
            RecordedByUserId = currentUser.Id, RecordedAtUtc = DateTime.UtcNow,
        });
        auditor.Record(AuditActions.ConsentRecorded, id, $"Consent for \"{Purpose}\" covering {DataCovered}, given by {GivenByName} ({DomainSharing.DisplayName(giver.Value)}) on {givenOn:yyyy-MM-dd}");
        await Db.SaveChangesAsync();
        Flash("Consent recorded");
        return Redirect(Ledger(id));
    }
}

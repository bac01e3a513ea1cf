using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Transitions.Programme.Cohort;

/// <summary>Who the LA's programme is for. Changes apply to the next proposal; decisions already made stand.</summary>
public sealed class CriteriaModel(WaymarkDbContext db, CohortProposer proposer, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public static IReadOnlyList<(string Value, string Text, string? Hint)> Choices { get; } =
    [
        ("cin", "Children in need", null),
        ("cp", "Children on a child protection plan", null),
        ("cla", "Looked-after children", null),
        ("ehcp", "Children with an education, health and care plan", null),
        ("sen", "Children receiving SEN support", null),
        ("eh", "Children with early help", null),
        ("sw", "Any child with a social worker", "Includes children with a social worker recorded as a key person, whatever their status"),
    ];

    [BindProperty]
    public List<string> Include { get; set; } = [];

    public bool CanManage => TransitionAccess.CanManageProgramme(currentUser.Role);

    public IReadOnlyList<ChoiceOption> Options =>
        Choices.Select(c => new ChoiceOption(c.Value, c.Text, Include.Contains(c.Value), c.Hint)).ToList();

    public async Task OnGetAsync()
    {
        Include = ToValues(await proposer.CriteriaAsync());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage)
        {
            return Forbid();
        }

        Include = Include.Where(v => Choices.Any(c => c.Value == v)).Distinct().ToList();
        if (Include.Count == 0)
        {
            ModelState.AddModelError(nameof(Include), "Select at least one group of children");
            return Page();
        }

        var settings = await db.TransitionCohortSettings.OrderBy(s => s.Id).FirstOrDefaultAsync();
        if (settings is null)
        {
            settings = new TransitionCohortSettings();
            db.TransitionCohortSettings.Add(settings);
        }

        var before = settings.ToCriteria().Describe();
        settings.ChildInNeed = Include.Contains("cin");
        settings.ChildProtection = Include.Contains("cp");
        settings.LookedAfter = Include.Contains("cla");
        settings.EhcPlan = Include.Contains("ehcp");
        settings.SenSupport = Include.Contains("sen");
        settings.EarlyHelp = Include.Contains("eh");
        settings.AnyChildWithSocialWorker = Include.Contains("sw");
        settings.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        settings.UpdatedByUserId = currentUser.Id;
        auditor.Record(AuditActions.CohortCriteriaChanged, detail: $"from {before} to {settings.ToCriteria().Describe()}");
        await db.SaveChangesAsync();
        Flash("Who the programme is for has been changed. Propose the cohort again to add children who now qualify.");
        return Redirect("/transition/cohort");
    }

    private static List<string> ToValues(CohortCriteria c) =>
        new (bool On, string Value)[] { (c.ChildInNeed, "cin"), (c.ChildProtection, "cp"), (c.LookedAfter, "cla"), (c.EhcPlan, "ehcp"),
            (c.SenSupport, "sen"), (c.EarlyHelp, "eh"), (c.AnyChildWithSocialWorker, "sw") }.Where(x => x.On).Select(x => x.Value).ToList();
}

using Microsoft.AspNetCore.Mvc;
using Waymark.Domain.ActionPlan;
using Waymark.Domain.People;
using Waymark.Web.Auth;
using Waymark.Web.Features.Evaluation;
using Waymark.Web.Features.Kpis;

namespace Waymark.Web.Features.Figures;

/// <summary>
/// One place in the menu for the figures that tell the LA whether its children are doing better: the KPIs against
/// targets, the LA beside others, and programme evaluation, each listed only for those who may open it.
/// </summary>
public sealed class IndexModel(CurrentUser currentUser) : WaymarkPageModel
{
    public sealed record Section(string Href, string Title, string Description);

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public IActionResult OnGet()
    {
        Sections = SectionsFor(currentUser.Role);
        return Sections.Count == 0 ? Forbid() : Page();
    }

    public static bool CanSeeAny(Role role) => SectionsFor(role).Count > 0;

    public static IReadOnlyList<Section> SectionsFor(Role role)
    {
        var sections = new List<Section>();
        if (KpiAccess.CanSee(role))
        {
            sections.Add(new("/kpis", "Key performance indicators",
                Roles.ScopeOf(role) == DataScope.School
                    ? "Your school's absence, suspensions and reduced timetables this year, by year group and vulnerable group."
                    : "Absence, suspensions, reduced timetables, chronic absence, passports and early help reviews against the LA's targets."));
        }

        if (KpiAccess.CanSetTargets(role))
        {
            sections.Add(new("/kpis/targets", "KPI targets", "Set or change the baseline and target for each indicator."));
        }

        if (Roles.CanSeeBenchmarking(role))
        {
            sections.Add(new("/benchmarking", "The LA beside others", "The LA's attendance beside England, the region and similar local authorities, with its rank."));
        }

        if (role == Role.LaAdmin)
        {
            sections.Add(new("/admin/similar-las", "Similar local authorities", "Choose the local authorities the LA is compared with."));
        }

        if (EvaluationAccess.CanEvaluate(role))
        {
            sections.Add(new("/evaluation", "Programme evaluation",
                "Attendance and suspensions before and after a programme, against a matched comparison group, with the effect size."));
        }

        if (ActionPlanRules.CanRead(role))
        {
            sections.Add(new("/action-plan", "Strategy action plan",
                "The actions to reduce time lost from school, each rated red, amber or green each term, and the termly progress report."));
        }

        return sections;
    }
}

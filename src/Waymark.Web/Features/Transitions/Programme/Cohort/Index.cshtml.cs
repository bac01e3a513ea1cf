using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Transitions.Programme.Cohort;

/// <summary>This year's cohort: Year 6 (moving next September) and Year 5, as proposed and decided.</summary>
public sealed class IndexModel(WaymarkDbContext db, CohortProposer proposer, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : WaymarkPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? School { get; set; }

    public AcademicYear Year { get; private set; }

    public IReadOnlyList<TransitionRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<TransitionStage, int> StageCounts { get; private set; } = new Dictionary<TransitionStage, int>();

    public int Total { get; private set; }

    public CohortCriteria Criteria { get; private set; } = CohortCriteria.Default;

    public bool CanManage => TransitionAccess.CanManageProgramme(currentUser.Role);

    public IReadOnlyList<SelectOption> StageOptions { get; private set; } = [];

    public IReadOnlyList<SelectOption> SchoolOptions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = clock.UkToday();
        Year = AcademicYear.Containing(today);
        Criteria = await proposer.CriteriaAsync();
        var all = await TransitionRows.LoadAsync(db.Transitions.Where(t => t.CohortYear == Year.StartYear || t.CohortYear == Year.StartYear + 1), today);
        Total = all.Count;
        StageCounts = all.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.Count());
        var stage = Enum.TryParse<TransitionStage>(Stage, out var s) ? s : (TransitionStage?)null;
        Rows = all.Where(r => (stage is null || r.Stage == stage) && (School is null || r.SendingSchoolId == School))
            .OrderBy(r => r.Stage).ThenByDescending(r => r.CohortYear == Year.StartYear).ThenBy(r => r.SendingSchool).ThenBy(r => r.Name).ToList();

        StageOptions = [new SelectOption("", "All stages", stage is null),
            .. Enum.GetValues<TransitionStage>().Select(v => new SelectOption(v.ToString(), TransitionStages.DisplayName(v), v == stage))];
        SchoolOptions = [new SelectOption("", "All schools", School is null),
            .. all.Where(r => r.SendingSchoolId is not null).GroupBy(r => (r.SendingSchoolId!.Value, r.SendingSchool)).OrderBy(g => g.Key.SendingSchool)
                .Select(g => new SelectOption(g.Key.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Key.SendingSchool ?? "", g.Key.Value == School))];
        await auditor.RecordNowAsync(AuditActions.TransitionViewed, detail: $"cohort list {Year}: {Rows.Count} children shown");
    }

    public async Task<IActionResult> OnPostProposeAsync()
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var result = await proposer.ProposeAsync(clock.UkToday(), clock.GetUtcNow().UtcDateTime);
        Flash(result.Criteria.IsEmpty
            ? "No criteria are chosen, so nobody was proposed. Choose who the programme is for first."
            : result.Proposed == 0
                ? $"Nobody new to propose: all {result.AlreadyInProgramme} children who meet the criteria are already in the programme"
                : $"{result.Proposed} {(result.Proposed == 1 ? "child" : "children")} proposed for the programme");
        return RedirectToPage();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Retention;
using Waymark.Domain.Retention;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Admin.Retention;

/// <summary>The LA's retention period for each record type. Each change is audited with its value before and after.</summary>
public sealed class RulesModel(WaymarkDbContext db, RetentionReport report, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    /// <summary>Years typed for each type, by <see cref="RetentionRules.CommandName"/>.</summary>
    [BindProperty]
    public Dictionary<string, string?> Years { get; set; } = [];

    public static string FieldFor(RetentionRecordType type) => "Years-" + RetentionRules.CommandName(type);

    public async Task OnGetAsync()
    {
        var periods = await report.PeriodsAsync();
        Years = RetentionRules.All.ToDictionary(RetentionRules.CommandName, t => (string?)periods.YearsFor(t).ToString(CultureInfo.InvariantCulture));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var chosen = new Dictionary<RetentionRecordType, int>();
        foreach (var type in RetentionRules.All)
        {
            if (RetentionRules.ProblemWithYears(Years.GetValueOrDefault(RetentionRules.CommandName(type)), out var years) is { } problem)
            {
                ModelState.AddModelError(FieldFor(type), problem);
            }
            else
            {
                chosen[type] = years;
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rules = await db.RetentionRules.ToDictionaryAsync(r => r.RecordType);
        var changes = 0;
        foreach (var (type, years) in chosen)
        {
            if (!rules.TryGetValue(type, out var rule))
            {
                rule = new RetentionRule { RecordType = type, Years = RetentionRules.DefaultYears(type) };
                db.RetentionRules.Add(rule);
            }

            if (rule.Years == years && db.Entry(rule).State != EntityState.Added)
            {
                continue;
            }

            auditor.Record(AuditActions.RetentionRuleChanged, detail: string.Create(CultureInfo.InvariantCulture,
                $"{RetentionRules.DisplayName(type)}: from {rule.Years} to {years} years"));
            rule.Years = years;
            rule.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            rule.UpdatedByUserId = currentUser.Id;
            changes++;
        }

        await db.SaveChangesAsync();
        Flash(changes == 0 ? "The retention periods were not changed" : "The retention periods have been changed");
        return Redirect("/admin/retention");
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.QualityMark;
using Waymark.Domain.Schools;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.QualityMark;

/// <summary>
/// One school's quality mark: each standard's self-assessment and moderation, its progress against the milestones, and
/// the school that moderates it (which LA administrators and officers assign here). Its own staff also see the schools
/// they moderate.
/// </summary>
public sealed class SchoolModel(WaymarkDbContext db, CurrentUser currentUser, QualityMarkGate gate, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public const string ModeratorField = "moderator";

    [BindProperty(Name = ModeratorField)]
    public int? ModeratorUrn { get; set; }

    public QualityMarkGate.Opened Opened { get; private set; } = null!;

    public School School => Opened.School;

    public QualityMarkProgress Progress { get; private set; } = null!;

    public SchoolProgress Mine { get; private set; } = null!;

    public (int Urn, string Name)? Moderator { get; private set; }

    /// <summary>The schools this school moderates (shown to its own staff and the LA).</summary>
    public IReadOnlyList<(int Urn, string Name)> Moderates { get; private set; } = [];

    public bool MayAssign { get; private set; }

    public IReadOnlyList<(int Urn, string Name)> Candidates { get; private set; } = [];

    public DateOnly On { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn)
    {
        if (await LoadAsync(urn) is { } refused)
        {
            return refused;
        }

        ModeratorUrn = Moderator?.Urn;
        return Page();
    }

    public async Task<IActionResult> OnPostModeratorAsync(int urn)
    {
        if (await LoadAsync(urn) is { } refused)
        {
            return refused;
        }

        if (!MayAssign)
        {
            return Forbid();
        }

        ModelState.Clear();
        var chosen = Candidates.FirstOrDefault(c => c.Urn == ModeratorUrn);
        if (ModeratorUrn is null || chosen == default)
        {
            ModelState.AddModelError(ModeratorField, "Select the school that will moderate this school's self-assessment");
            return Page();
        }

        var moderatorId = await db.Schools.Where(s => s.Urn == chosen.Urn).Select(s => s.Id).SingleAsync();
        var existing = await db.QualityMarkModerators.SingleOrDefaultAsync(m => m.SchoolId == School.Id);
        var before = Moderator is { } m ? $"{m.Name} ({m.Urn})" : "none";
        if (existing is null)
        {
            db.QualityMarkModerators.Add(new QualityMarkModerator
            {
                SchoolId = School.Id, ModeratorSchoolId = moderatorId, AssignedByUserId = currentUser.Id, AssignedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        else
        {
            existing.ModeratorSchoolId = moderatorId;
            existing.AssignedByUserId = currentUser.Id;
            existing.AssignedAtUtc = clock.GetUtcNow().UtcDateTime;
        }

        auditor.Record(AuditActions.QualityMarkModeratorAssigned, detail: $"{School.Name} ({School.Urn}): moderator from {before} to {chosen.Name} ({chosen.Urn})");
        await db.SaveChangesAsync();
        Flash($"{chosen.Name} will moderate {School.Name}'s quality mark");
        return Redirect($"/schools/{School.Urn}/quality-mark");
    }

    public SelectField ModeratorSelect => new(ModeratorField, "Moderating school",
        [new SelectOption("", "Choose a school", ModeratorUrn is null),
            .. Candidates.Select(c => new SelectOption(c.Urn.ToString(CultureInfo.InvariantCulture), c.Name, c.Urn == ModeratorUrn))],
        ErrorFor(ModeratorField), "Its headteacher or SENCo reads each submitted self-assessment and agrees it or not.");

    private async Task<IActionResult?> LoadAsync(int urn)
    {
        var (opened, refused) = await gate.OpenAsync(urn, "quality mark");
        if (refused is not null)
        {
            return refused;
        }

        Opened = opened!;
        On = Today(clock);
        Progress = await QualityMarkProgress.LoadAsync(db);
        Mine = (await Progress.ForSchoolsAsync(db, [School], On))[0];
        if (Opened.ModeratorSchoolId is int moderatorId)
        {
            var moderator = await db.Schools.AsNoTracking().Where(s => s.Id == moderatorId).Select(s => new { s.Urn, s.Name }).SingleAsync();
            Moderator = (moderator.Urn, moderator.Name);
        }

        // A moderator's staff see the school they moderate, not the others it moderates.
        if (Opened.Relation != QualityMarkRelation.Moderator)
        {
            Moderates = (await db.QualityMarkModerators.AsNoTracking().Where(m => m.ModeratorSchoolId == School.Id)
                    .Join(db.Schools, m => m.SchoolId, s => s.Id, (m, s) => new { s.Urn, s.Name }).OrderBy(s => s.Name).ToListAsync())
                .Select(s => (s.Urn, s.Name)).ToList();
        }

        MayAssign = QualityMarkRules.MayManage(currentUser.Role);
        if (MayAssign)
        {
            Candidates = (await db.Schools.AsNoTracking().Where(s => s.Id != School.Id && s.Status != SchoolStatus.Closed).OrderBy(s => s.Name)
                    .Select(s => new { s.Urn, s.Name }).ToListAsync())
                .Select(s => (s.Urn, s.Name)).ToList();
        }

        return null;
    }
}

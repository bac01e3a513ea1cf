using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Domain.QualityMark;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.QualityMark;

/// <summary>How the signed-in user stands to a school's quality mark.</summary>
public enum QualityMarkRelation
{
    /// <summary>LA-wide: sees every school's.</summary>
    LocalAuthority,

    /// <summary>One of the school's own staff.</summary>
    OwnSchool,

    /// <summary>Staff of the school the LA assigned to moderate it.</summary>
    Moderator,
}

/// <summary>
/// Who may open a school's quality mark (docs/quality-mark.md): LA-wide roles every school's; a school's staff their own
/// and the one their school moderates. Another school's staff are told it is not there (404), other roles are refused
/// (403); both refusals are audited.
/// </summary>
public sealed class QualityMarkGate(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor)
{
    public sealed record Opened(School School, QualityMarkRelation Relation, int? ModeratorSchoolId);

    /// <summary>The school and the user's relation to it, or the refusal to answer with.</summary>
    public async Task<(Opened? Opened, IActionResult? Refused)> OpenAsync(int urn, string page)
    {
        var school = await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn);
        if (school is null)
        {
            return (null, new NotFoundResult());
        }

        var moderator = await db.QualityMarkModerators.AsNoTracking().Where(m => m.SchoolId == school.Id)
            .Select(m => (int?)m.ModeratorSchoolId).SingleOrDefaultAsync();
        var role = currentUser.Role;
        QualityMarkRelation? relation = QualityMarkRules.SeesEverySchool(role) ? QualityMarkRelation.LocalAuthority
            : !QualityMarkRules.SeesOwnSchool(role) || currentUser.SchoolId is not int own ? null
            : own == school.Id ? QualityMarkRelation.OwnSchool
            : own == moderator ? QualityMarkRelation.Moderator
            : null;
        if (relation is null)
        {
            await RefuseAsync($"{page} of school {urn}");
            return (null, QualityMarkRules.SeesOwnSchool(role) ? new NotFoundResult() : new ForbidResult());
        }

        return (new Opened(school, relation.Value, moderator), null);
    }

    public Task RefuseAsync(string what) =>
        auditor.RecordNowAsync(AuditActions.QualityMarkRefused, detail: $"{what}: not permitted for {Roles.CommandName(currentUser.Role)}");
}

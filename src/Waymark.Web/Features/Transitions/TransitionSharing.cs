using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Transitions;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Hosting;

namespace Waymark.Web.Features.Transitions;

/// <summary>
/// Keeps a transition's shares in line with its destination and consent: a share opens when the
/// place is accepted and consent is in force, and ends (so the school's access ends) when either
/// stops being true. Every opening and ending goes in the ledger and the audit log.
/// </summary>
public sealed class TransitionSharing(WaymarkDbContext db, Auditor auditor, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The consent to share this child's transition information that is in force, if any.</summary>
    public Task<Consent?> ConsentInForceAsync(Guid childId, CancellationToken ct = default) =>
        db.Consents.Where(c => c.ChildId == childId && c.Purpose == Sharing.TransitionPurpose && c.WithdrawnOn == null)
            .OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);

    /// <summary>Call after saving the change to destination or consent; the caller saves again.</summary>
    public async Task SyncAsync(Transition transition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var now = clock.GetUtcNow().UtcDateTime;
        var consent = await ConsentInForceAsync(transition.ChildId, ct);
        var whyNot = Sharing.WhyNotShareable(transition.Decision, transition.DestinationSchoolId is not null, transition.DestinationStatus, consent is not null);

        var inForce = await db.InformationShares.Include(s => s.RecipientSchool)
            .Where(s => s.TransitionId == transition.Id && s.EndedAtUtc == null).ToListAsync(ct);
        foreach (var share in inForce)
        {
            if (whyNot is null && share.RecipientSchoolId == transition.DestinationSchoolId)
            {
                continue;
            }

            share.EndedAtUtc = now;
            share.EndReason = whyNot ?? "The destination school changed";
            auditor.Record(AuditActions.ShareEnded, transition.ChildId, $"{share.What} with {share.RecipientSchool?.Name}: {share.EndReason}");
        }

        if (whyNot is null && !inForce.Any(s => s.EndedAtUtc == null))
        {
            var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == transition.DestinationSchoolId, ct);
            db.InformationShares.Add(new InformationShare
            {
                ChildId = transition.ChildId,
                TransitionId = transition.Id,
                What = Sharing.TransitionWhat,
                RecipientSchoolId = school.Id,
                Basis = ShareBasis.Consent,
                ConsentId = consent!.Id,
                Reason = Sharing.TransitionPurpose,
                SharedByUserId = currentUser.Id,
                SharedAtUtc = now,
                SharedOn = clock.UkToday(),
            });
            auditor.Record(AuditActions.ShareOpened, transition.ChildId, $"{Sharing.TransitionWhat} with {school.Name}, on consent given by {consent.GivenByName}");
        }
    }
}

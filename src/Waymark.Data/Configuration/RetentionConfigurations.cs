using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;
using Waymark.Domain.Retention;

namespace Waymark.Data.Configuration;

internal sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> e)
    {
        e.HasKey(x => x.RecordType);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasData(RetentionRules.All.Select(t => new RetentionRule { RecordType = t, Years = RetentionRules.DefaultYears(t) }));
    }
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> e)
    {
        e.HasIndex(x => new { x.ChildId, x.LiftedAtUtc });

        // Restrict, not cascade: a hold placed while a deletion is under way makes the deletion fail rather
        // than vanish with the record (deletions remove the holds they read, by key).
        e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.PlacedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.LiftedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Reason).HasMaxLength(LegalHold.MaxReasonLength);
        e.Property(x => x.LiftedReason).HasMaxLength(LegalHold.MaxReasonLength);
        e.Ignore(x => x.InForce);
    }
}

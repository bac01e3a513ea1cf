using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;

namespace Waymark.Data.Configuration;

internal sealed class PfaChecklistItemConfiguration : IEntityTypeConfiguration<PfaChecklistItem>
{
    public void Configure(EntityTypeBuilder<PfaChecklistItem> e)
    {
        e.HasIndex(x => new { x.ChildId, x.Item }).IsUnique();
        e.HasIndex(x => new { x.Status, x.DueOn });
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Owner).HasMaxLength(PfaChecklist.MaxOwnerLength);
        e.Property(x => x.EvidenceNote).HasMaxLength(PfaChecklist.MaxNoteLength);
    }
}

internal sealed class JointPanelConfiguration : IEntityTypeConfiguration<JointPanel>
{
    public void Configure(EntityTypeBuilder<JointPanel> e)
    {
        e.HasIndex(x => x.MeetsOn);
        e.Property(x => x.Agencies).HasMaxLength(400);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Cases).WithOne(c => c.Panel).HasForeignKey(c => c.PanelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JointPanelCaseConfiguration : IEntityTypeConfiguration<JointPanelCase>
{
    public void Configure(EntityTypeBuilder<JointPanelCase> e)
    {
        e.HasIndex(x => new { x.PanelId, x.ChildId }).IsUnique();
        e.HasIndex(x => x.ChildId);
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.ListedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Reason).HasMaxLength(JointPanels.MaxTextLength);
        e.Property(x => x.Decision).HasMaxLength(JointPanels.MaxTextLength);
        e.Property(x => x.Actions).HasMaxLength(JointPanels.MaxTextLength);
        e.Property(x => x.ActionsOwner).HasMaxLength(JointPanels.MaxNameLength);
    }
}

internal sealed class CareLeaverDetailsConfiguration : IEntityTypeConfiguration<CareLeaverDetails>
{
    public void Configure(EntityTypeBuilder<CareLeaverDetails> e)
    {
        e.HasIndex(x => x.ChildId).IsUnique();
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.PersonalAdviser).HasMaxLength(CareLeavers.MaxAdviserLength);
    }
}

internal sealed class PathwayPlanReviewConfiguration : IEntityTypeConfiguration<PathwayPlanReview>
{
    public void Configure(EntityTypeBuilder<PathwayPlanReview> e)
    {
        e.HasIndex(x => new { x.ChildId, x.ReviewedOn });
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Note).HasMaxLength(PfaChecklist.MaxNoteLength);
    }
}

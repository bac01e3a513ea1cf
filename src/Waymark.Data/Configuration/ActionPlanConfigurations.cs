using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> e)
    {
        e.Property(x => x.Title).HasMaxLength(1000);
        e.Property(x => x.Timescale).HasMaxLength(200);
        e.Property(x => x.Lead).HasMaxLength(200);
        e.HasIndex(x => x.Number).IsUnique();
        e.HasMany(x => x.Milestones).WithOne(m => m.PlanAction).HasForeignKey(m => m.PlanActionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Progress).WithOne(p => p.PlanAction).HasForeignKey(p => p.PlanActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanMilestoneConfiguration : IEntityTypeConfiguration<PlanMilestone>
{
    public void Configure(EntityTypeBuilder<PlanMilestone> e)
    {
        e.Property(x => x.Text).HasMaxLength(1000);
    }
}

internal sealed class PlanActionProgressConfiguration : IEntityTypeConfiguration<PlanActionProgress>
{
    public void Configure(EntityTypeBuilder<PlanActionProgress> e)
    {
        e.Property(x => x.Note).HasMaxLength(2000);
        e.Property(x => x.UpdatedByUserId).HasMaxLength(450);
        // One rating per action per term.
        e.HasIndex(x => new { x.PlanActionId, x.AcademicYear, x.Term }).IsUnique();
    }
}

internal sealed class ActionPlanSettingsConfiguration : IEntityTypeConfiguration<ActionPlanSettings>
{
    public void Configure(EntityTypeBuilder<ActionPlanSettings> e)
    {
        e.Property(x => x.MonitoringGroup).HasMaxLength(200);
        e.Property(x => x.ReportsTo).HasMaxLength(200);
    }
}

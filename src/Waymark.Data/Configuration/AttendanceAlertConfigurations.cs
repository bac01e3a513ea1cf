using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

internal sealed class AttendanceSupportPlanConfiguration : IEntityTypeConfiguration<AttendanceSupportPlan>
{
    public void Configure(EntityTypeBuilder<AttendanceSupportPlan> e)
    {
        e.HasIndex(x => new { x.ChildId, x.EndedOn });
        e.HasIndex(x => x.SchoolId);
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.LeadName).HasMaxLength(200);
    }
}

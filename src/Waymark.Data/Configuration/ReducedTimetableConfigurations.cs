using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;

namespace Waymark.Data.Configuration;

internal sealed class ReducedTimetableConfiguration : IEntityTypeConfiguration<ReducedTimetable>
{
    public void Configure(EntityTypeBuilder<ReducedTimetable> e)
    {
        e.HasIndex(x => new { x.ChildId, x.StartDate });
        e.HasIndex(x => new { x.SchoolId, x.EndedOn });
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Reviews).WithOne(r => r.ReducedTimetable).HasForeignKey(r => r.ReducedTimetableId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.HoursPerWeek).HasPrecision(4, 2);
        e.Property(x => x.ReasonDetail).HasMaxLength(ReducedTimetables.MaxTextLength);
        e.Property(x => x.ParentAgreedBy).HasMaxLength(ReducedTimetables.MaxNameLength);
        e.Property(x => x.PlanToFullTime).HasMaxLength(ReducedTimetables.MaxTextLength);
        e.Property(x => x.EarlyHelpOutcome).HasMaxLength(ReducedTimetables.MaxTextLength);
        e.Property(x => x.EndNote).HasMaxLength(ReducedTimetables.MaxTextLength);
        e.Ignore(x => x.LatestReview);
        e.Ignore(x => x.CurrentHoursPerWeek);
    }
}

internal sealed class ReducedTimetableReviewConfiguration : IEntityTypeConfiguration<ReducedTimetableReview>
{
    public void Configure(EntityTypeBuilder<ReducedTimetableReview> e)
    {
        e.HasIndex(x => x.ReducedTimetableId);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.NewHoursPerWeek).HasPrecision(4, 2);
        e.Property(x => x.Attendees).HasMaxLength(ReducedTimetables.MaxTextLength);
        e.Property(x => x.Outcome).HasMaxLength(ReducedTimetables.MaxTextLength);
    }
}

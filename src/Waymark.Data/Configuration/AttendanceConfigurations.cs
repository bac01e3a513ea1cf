using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

internal sealed class AttendanceYearConfiguration : IEntityTypeConfiguration<AttendanceYear>
{
    public void Configure(EntityTypeBuilder<AttendanceYear> e)
    {
        // Year first: a school's year of marks sits together in the index, the way imports and statistics read it.
        e.HasIndex(x => new { x.AcademicYear, x.SchoolId, x.ChildId }).IsUnique();
        e.HasIndex(x => x.ChildId);
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Marks).IsRequired();
    }
}

internal sealed class AttendanceMarkChangeConfiguration : IEntityTypeConfiguration<AttendanceMarkChange>
{
    public void Configure(EntityTypeBuilder<AttendanceMarkChange> e)
    {
        e.HasIndex(x => new { x.ChildId, x.Date });
        e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.OldCode).HasMaxLength(2);
        e.Property(x => x.NewCode).HasMaxLength(2);
        e.Property(x => x.Source).HasMaxLength(300);
    }
}

internal sealed class AttendanceAlertConfiguration : IEntityTypeConfiguration<AttendanceAlert>
{
    public void Configure(EntityTypeBuilder<AttendanceAlert> e)
    {
        e.HasIndex(x => new { x.ChildId, x.Kind, x.Key }).IsUnique();
        e.HasIndex(x => new { x.Kind, x.HandledAtUtc, x.ClearedOn });
        e.HasIndex(x => x.SchoolId);
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.HandledBy).WithMany().HasForeignKey(x => x.HandledByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Key).HasMaxLength(100);
        e.Property(x => x.Summary).HasMaxLength(500);
        e.Property(x => x.HandledNote).HasMaxLength(2000);
        e.Ignore(x => x.IsOpen);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.HasIndex(x => new { x.UserId, x.ReadAtUtc });
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Text).HasMaxLength(500);
        e.Property(x => x.Link).HasMaxLength(300);
    }
}

internal sealed class SuspensionConfiguration : IEntityTypeConfiguration<Suspension>
{
    public void Configure(EntityTypeBuilder<Suspension> e)
    {
        e.HasIndex(x => new { x.ChildId, x.StartDate });
        e.HasIndex(x => new { x.SchoolId, x.StartDate });
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.RecordedBy).WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Reason1).HasMaxLength(2);
        e.Property(x => x.Reason2).HasMaxLength(2);
        e.Property(x => x.Reason3).HasMaxLength(2);
        e.Property(x => x.AlternativeProvisionBy).HasMaxLength(200);
        e.Property(x => x.ReintegrationNote).HasMaxLength(2000);
        e.Ignore(x => x.Reasons);
        e.Ignore(x => x.AlternativeProvisionDueOn);
    }
}

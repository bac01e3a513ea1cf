using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;
using Waymark.Domain.QualityMark;

namespace Waymark.Data.Configuration;

internal sealed class QualityMarkStandardConfiguration : IEntityTypeConfiguration<QualityMarkStandard>
{
    public void Configure(EntityTypeBuilder<QualityMarkStandard> e)
    {
        e.Property(x => x.Name).HasMaxLength(QualityMarkStandard.MaxNameLength);
        e.Property(x => x.Description).HasMaxLength(QualityMarkStandard.MaxDescriptionLength);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        // Reference data every LA starts from (seed 002), in its order; the LA edits it from there.
        e.HasData(InitialStandards.All.Select((s, i) => new QualityMarkStandard { Id = i + 1, Position = i + 1, Name = s.Name, Description = s.Description }));
        e.HasMany(x => x.Milestones).WithMany(x => x.Standards).UsingEntity("QualityMarkMilestoneStandards");
    }
}

internal sealed class QualityMarkMilestoneConfiguration : IEntityTypeConfiguration<QualityMarkMilestone>
{
    public void Configure(EntityTypeBuilder<QualityMarkMilestone> e)
    {
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QualityMarkModeratorConfiguration : IEntityTypeConfiguration<QualityMarkModerator>
{
    public void Configure(EntityTypeBuilder<QualityMarkModerator> e)
    {
        e.HasKey(x => x.SchoolId);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.ModeratorSchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.AssignedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ModeratorSchoolId);
    }
}

internal sealed class QualityMarkAssessmentConfiguration : IEntityTypeConfiguration<QualityMarkAssessment>
{
    public void Configure(EntityTypeBuilder<QualityMarkAssessment> e)
    {
        e.HasIndex(x => new { x.SchoolId, x.StandardId }).IsUnique();
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Standard).WithMany().HasForeignKey(x => x.StandardId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.ModeratedBySchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.ModeratedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Evidence).HasMaxLength(QualityMarkRules.MaxEvidenceLength);
        e.Property(x => x.ModerationNote).HasMaxLength(QualityMarkRules.MaxNoteLength);
        e.HasMany(x => x.Changes).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualityMarkAssessmentChangeConfiguration : IEntityTypeConfiguration<QualityMarkAssessmentChange>
{
    public void Configure(EntityTypeBuilder<QualityMarkAssessmentChange> e)
    {
        e.Property(x => x.Field).HasMaxLength(40);
        e.Property(x => x.OldValue).HasMaxLength(QualityMarkAssessmentChange.MaxValueLength);
        e.Property(x => x.NewValue).HasMaxLength(QualityMarkAssessmentChange.MaxValueLength);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AssessmentId, x.ChangedAtUtc });
    }
}

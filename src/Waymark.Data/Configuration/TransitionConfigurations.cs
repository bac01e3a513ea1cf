using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

internal sealed class TransitionConfiguration : IEntityTypeConfiguration<Transition>
{
    public void Configure(EntityTypeBuilder<Transition> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasIndex(x => new { x.ChildId, x.CohortYear }).IsUnique();
        e.HasIndex(x => new { x.CohortYear, x.Decision });
        e.HasIndex(x => x.SendingSchoolId);
        e.HasIndex(x => x.DestinationSchoolId);
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.SendingSchool).WithMany().HasForeignKey(x => x.SendingSchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.DestinationSchool).WithMany().HasForeignKey(x => x.DestinationSchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.ProposedBecause).HasMaxLength(300);
        e.Property(x => x.DecisionReason).HasMaxLength(1000);
        e.HasMany(x => x.DestinationChanges).WithOne().HasForeignKey(x => x.TransitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Sections).WithOne(x => x.Transition).HasForeignKey(x => x.TransitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.SupportActions).WithOne().HasForeignKey(x => x.TransitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Meetings).WithOne(x => x.Transition).HasForeignKey(x => x.TransitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.FollowUps).WithOne().HasForeignKey(x => x.TransitionId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.Year6);
        e.Ignore(x => x.MoveDate);
    }
}

internal sealed class DestinationChangeConfiguration : IEntityTypeConfiguration<DestinationChange>
{
    public void Configure(EntityTypeBuilder<DestinationChange> e)
    {
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ChangedBy).WithMany().HasForeignKey(x => x.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Note).HasMaxLength(1000);
    }
}

internal sealed class TransitionCohortSettingsConfiguration : IEntityTypeConfiguration<TransitionCohortSettings>
{
    public void Configure(EntityTypeBuilder<TransitionCohortSettings> e) =>
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class TransitionProfileSectionConfiguration : IEntityTypeConfiguration<TransitionProfileSection>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public void Configure(EntityTypeBuilder<TransitionProfileSection> e)
    {
        e.HasIndex(x => new { x.TransitionId, x.Section }).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.UpdatedBy).WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);

        // Answers are stored as one JSON object: the questions belong to the domain, not the schema.
        e.Property(x => x.Answers)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, Json) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
                    v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key.GetHashCode(StringComparison.Ordinal), kv.Value.GetHashCode(StringComparison.Ordinal))),
                    v => new Dictionary<string, string>(v)));
    }
}

internal sealed class ProfileSectionChangeConfiguration : IEntityTypeConfiguration<ProfileSectionChange>
{
    public void Configure(EntityTypeBuilder<ProfileSectionChange> e)
    {
        e.HasIndex(x => new { x.TransitionId, x.ChangedAtUtc });
        e.Property(x => x.What).HasMaxLength(200);
        e.HasOne(x => x.ChangedBy).WithMany().HasForeignKey(x => x.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Transition>().WithMany().HasForeignKey(x => x.TransitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupportPlanActionConfiguration : IEntityTypeConfiguration<SupportPlanAction>
{
    public void Configure(EntityTypeBuilder<SupportPlanAction> e)
    {
        e.Property(x => x.Action).HasMaxLength(1000);
        e.Property(x => x.Owner).HasMaxLength(200);
    }
}

internal sealed class PcpMeetingConfiguration : IEntityTypeConfiguration<PcpMeeting>
{
    public void Configure(EntityTypeBuilder<PcpMeeting> e)
    {
        e.HasIndex(x => new { x.TransitionId, x.Date });
        e.Property(x => x.Venue).HasMaxLength(300);
        e.Property(x => x.CancelledReason).HasMaxLength(1000);
        e.HasMany(x => x.Invitees).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Actions).WithOne(x => x.Meeting).HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PcpInviteeConfiguration : IEntityTypeConfiguration<PcpInvitee>
{
    public void Configure(EntityTypeBuilder<PcpInvitee> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.DelegateName).HasMaxLength(200);
    }
}

internal sealed class PcpActionConfiguration : IEntityTypeConfiguration<PcpAction>
{
    public void Configure(EntityTypeBuilder<PcpAction> e)
    {
        e.Property(x => x.What).HasMaxLength(1000);
        e.Property(x => x.Who).HasMaxLength(200);
        e.HasIndex(x => new { x.DoneOn, x.ByWhen });
    }
}

internal sealed class SchoolTransitionLeadConfiguration : IEntityTypeConfiguration<SchoolTransitionLead>
{
    public void Configure(EntityTypeBuilder<SchoolTransitionLead> e)
    {
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SchoolId, x.EndedOn });
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(256);
        e.Property(x => x.Phone).HasMaxLength(40);
    }
}

internal sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> e)
    {
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.DefaultProvider).HasMaxLength(200);
        e.Property(x => x.OutcomeMeasure).HasMaxLength(200);
    }
}

internal sealed class InterventionEnrolmentConfiguration : IEntityTypeConfiguration<InterventionEnrolment>
{
    public void Configure(EntityTypeBuilder<InterventionEnrolment> e)
    {
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Intervention).WithMany().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ChildId);
        e.Property(x => x.Provider).HasMaxLength(200);
        e.Property(x => x.Notes).HasMaxLength(2000);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> e)
    {
        e.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Attendees).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.Date);
        e.Property(x => x.Topic).HasMaxLength(300);
        e.Property(x => x.Trainer).HasMaxLength(200);
    }
}

internal sealed class TrainingAttendeeConfiguration : IEntityTypeConfiguration<TrainingAttendee>
{
    public void Configure(EntityTypeBuilder<TrainingAttendee> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.JobTitle).HasMaxLength(200);
        e.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> e)
    {
        e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.WithdrawalRecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ChildId, x.Purpose });
        e.Property(x => x.Purpose).HasMaxLength(300);
        e.Property(x => x.GivenByName).HasMaxLength(200);
        e.Property(x => x.DataCovered).HasMaxLength(300);
        e.Property(x => x.WithdrawnNote).HasMaxLength(1000);
        e.Ignore(x => x.InForce);
    }
}

internal sealed class InformationShareConfiguration : IEntityTypeConfiguration<InformationShare>
{
    public void Configure(EntityTypeBuilder<InformationShare> e)
    {
        e.HasOne(x => x.Child).WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Transition).WithMany(t => t.Shares).HasForeignKey(x => x.TransitionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.RecipientSchool).WithMany().HasForeignKey(x => x.RecipientSchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Consent).WithMany().HasForeignKey(x => x.ConsentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.SharedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.AcknowledgedBy).WithMany().HasForeignKey(x => x.AcknowledgedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RecipientSchoolId, x.EndedAtUtc });
        e.HasIndex(x => x.ChildId);
        e.Property(x => x.What).HasMaxLength(300);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.Property(x => x.EndReason).HasMaxLength(300);
        e.Property(x => x.RecipientOrganisation).HasMaxLength(200);
        e.Ignore(x => x.RecipientName);

        // Every share names its recipient: a school in Waymark or another organisation.
        e.ToTable(t => t.HasCheckConstraint("CK_InformationShares_Recipient", "\"RecipientSchoolId\" IS NOT NULL OR \"RecipientOrganisation\" IS NOT NULL"));
    }
}

internal sealed class CommonTransferFileConfiguration : IEntityTypeConfiguration<CommonTransferFile>
{
    public void Configure(EntityTypeBuilder<CommonTransferFile> e)
    {
        e.Property(x => x.FileName).HasMaxLength(40);
        e.Property(x => x.SourceCode).HasMaxLength(7);
        e.Property(x => x.DestinationCode).HasMaxLength(7);
        e.Property(x => x.MadeVia).HasMaxLength(300);
        e.HasIndex(x => x.FileName).IsUnique();

        // Two files made at once for the same pair cannot both take the next number: one save fails and is retried.
        e.HasIndex(x => new { x.SourceCode, x.DestinationCode, x.Sequence }).IsUnique();
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.MadeByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpReviewConfiguration : IEntityTypeConfiguration<FollowUpReview>
{
    public void Configure(EntityTypeBuilder<FollowUpReview> e)
    {
        e.HasIndex(x => new { x.TransitionId, x.Kind }).IsUnique();
        e.Property(x => x.Year6AttendancePercent).HasPrecision(5, 2);
        e.Property(x => x.Year7AttendancePercent).HasPrecision(5, 2);
        e.Property(x => x.Flags).HasMaxLength(1000);
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

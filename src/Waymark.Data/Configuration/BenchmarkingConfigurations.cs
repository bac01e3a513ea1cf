using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

internal sealed class PublishedAttendanceConfiguration : IEntityTypeConfiguration<PublishedAttendance>
{
    public void Configure(EntityTypeBuilder<PublishedAttendance> e)
    {
        e.HasIndex(x => new { x.TimePeriod, x.TimeIdentifier, x.Level, x.AreaCode, x.Phase }).IsUnique();
        e.HasIndex(x => x.LaNumber);
        e.Property(x => x.TimeIdentifier).HasMaxLength(60);
        e.Property(x => x.AreaCode).HasMaxLength(20);
        e.Property(x => x.AreaName).HasMaxLength(200);
        e.Property(x => x.RegionCode).HasMaxLength(20);
        e.Property(x => x.RegionName).HasMaxLength(200);
        e.Property(x => x.SourceFile).HasMaxLength(260);
    }
}

internal sealed class SimilarLocalAuthorityConfiguration : IEntityTypeConfiguration<SimilarLocalAuthority>
{
    public void Configure(EntityTypeBuilder<SimilarLocalAuthority> e)
    {
        e.HasIndex(x => x.LaNumber).IsUnique();
        e.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.AddedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

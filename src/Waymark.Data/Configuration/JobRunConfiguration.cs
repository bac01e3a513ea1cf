using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.HasKey(x => new { x.Job, x.Day });
        e.Property(x => x.Job).HasMaxLength(100);
        e.Property(x => x.Outcome).HasMaxLength(2000);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Data.Entities;

namespace Waymark.Data.Configuration;

internal sealed class KpiTargetConfiguration : IEntityTypeConfiguration<KpiTarget>
{
    public void Configure(EntityTypeBuilder<KpiTarget> e)
    {
        e.Property(x => x.IndicatorCode).HasMaxLength(50);
        e.Property(x => x.Phase);
        e.Property(x => x.BaselineValue).HasPrecision(9, 2);
        e.Property(x => x.TargetValue).HasPrecision(9, 2);
        e.Property(x => x.UpdatedByUserId).HasMaxLength(450);
        // One target per indicator and phase; an LA-wide indicator has a null phase, which a unique index would
        // let repeat on both providers, so the pages look a target up by both and update it in place.
        e.HasIndex(x => new { x.IndicatorCode, x.Phase }).IsUnique();
    }
}

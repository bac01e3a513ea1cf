namespace Waymark.Domain.Children;

/// <summary>DfE SEN type-of-need codes; the member names are the census codes.</summary>
public enum SenPrimaryNeed
{
    SPLD,
    MLD,
    SLD,
    PMLD,
    SEMH,
    SLCN,
    HI,
    VI,
    MSI,
    PD,
    ASD,
    OTH,
    NSA,
}

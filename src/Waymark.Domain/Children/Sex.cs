namespace Waymark.Domain.Children;

public enum Sex
{
    Female,
    Male,
    Unknown,
}

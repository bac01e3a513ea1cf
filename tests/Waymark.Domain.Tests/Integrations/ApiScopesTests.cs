using Waymark.Domain.Integrations;

namespace Waymark.Domain.Tests.Integrations;

public class ApiScopesTests
{
    [Theory]
    [InlineData(ApiScope.ChildrenRead, "children:read")]
    [InlineData(ApiScope.AttendanceRead, "attendance:read")]
    [InlineData(ApiScope.SuspensionsRead, "suspensions:read")]
    [InlineData(ApiScope.ReducedTimetablesRead, "reduced-timetables:read")]
    [InlineData(ApiScope.TransitionsRead, "transitions:read")]
    [InlineData(ApiScope.PlansRead, "plans:read")]
    public void Every_scope_has_a_name_that_parses_back_and_a_description(ApiScope scope, string name)
    {
        Assert.Equal(name, ApiScopes.Name(scope));
        Assert.True(ApiScopes.TryParse(name, out var parsed));
        Assert.Equal(scope, parsed);
        Assert.False(string.IsNullOrWhiteSpace(ApiScopes.Description(scope)));
    }

    [Fact]
    public void All_lists_six_scopes()
    {
        Assert.Equal(6, ApiScopes.All.Count);
    }

    [Theory]
    [InlineData("Children:read")]
    [InlineData("children:write")]
    [InlineData("children")]
    [InlineData(" children:read")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_exact_names_parse(string? name)
    {
        Assert.False(ApiScopes.TryParse(name, out _));
    }

    [Fact]
    public void A_list_is_stored_in_a_fixed_order_without_repeats_and_read_back()
    {
        var stored = ApiScopes.Format([ApiScope.PlansRead, ApiScope.ChildrenRead, ApiScope.PlansRead]);

        Assert.Equal("children:read plans:read", stored);
        Assert.Equal([ApiScope.ChildrenRead, ApiScope.PlansRead], ApiScopes.ParseList(stored));
    }

    [Fact]
    public void Names_that_are_not_scopes_are_left_out_of_a_stored_list()
    {
        Assert.Equal([ApiScope.AttendanceRead], ApiScopes.ParseList("attendance:read  everything:write"));
        Assert.Empty(ApiScopes.ParseList(null));
    }
}

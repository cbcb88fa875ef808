using Scr.Core.Rules;

namespace Scr.Core.Tests.Rules;

public class PasswordRulesTests
{
    [Theory]
    [InlineData("short-pass")]
    [InlineData("elevenchars")]
    public void Problems_ShorterThanTwelve_RefusesLength(string password) =>
        PasswordRules.Problems(password, null, null).ShouldContain("Password must be 12 characters or more");

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("passwordpassword")]
    [InlineData("!!iloveyou2024!!")]
    [InlineData("aaaaaaaaaaaaaa")]
    public void IsCommon_ListedOrPaddedOrRepeated_IsTrue(string password) => PasswordRules.IsCommon(password).ShouldBeTrue();

    [Theory]
    [InlineData("amber-kettle-harbour-71")]
    [InlineData("lantern moss quietly 9")]
    public void Problems_LongUncommonPassphrase_NoProblems(string password) =>
        PasswordRules.Problems(password, "someone@example.org", "Some One").ShouldBeEmpty();

    [Fact]
    public void Problems_NoCompositionRules_AllLowercaseAccepted() =>
        PasswordRules.Problems("tangerinecliffside", null, null).ShouldBeEmpty();

    [Fact]
    public void Problems_ContainsEmailName_Refused() =>
        PasswordRules.Problems("priya.calder-secret-42", "priya.calder@northbridge.example", null)
            .ShouldContain("Password must not contain your email address");
}

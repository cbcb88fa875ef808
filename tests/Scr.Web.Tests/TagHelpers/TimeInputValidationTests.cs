using Microsoft.AspNetCore.Mvc.ModelBinding;
using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class TimeInputValidationTests
{
    [Theory]
    [InlineData("14:30", 14, 30)]
    [InlineData("9:05", 9, 5)]
    [InlineData("09.05", 9, 5)]
    [InlineData("0930", 9, 30)]
    [InlineData("2pm", 14, 0)]
    [InlineData("2:30 PM", 14, 30)]
    [InlineData("12am", 0, 0)]
    [InlineData("12:15pm", 12, 15)]
    [InlineData(" 00:00 ", 0, 0)]
    public void Parse_TimesPeopleType(string text, int hour, int minute) =>
        TimeInputValidation.Parse(text).ShouldBe(new TimeOnly(hour, minute));

    [Theory]
    [InlineData("24:00")]
    [InlineData("9:60")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("9")]
    [InlineData("9:5")]
    [InlineData("noon")]
    [InlineData("-1:30")]
    public void Parse_NotATime_Null(string text) => TimeInputValidation.Parse(text).ShouldBeNull();

    [Fact]
    public void ValidateTime_MissingOrWrong_TheDatesPatternsWording()
    {
        var state = new ModelStateDictionary();
        ((string?)null).ValidateTime(state, "Time", "the time it was sent").ShouldBeNull();
        "25:00".ValidateTime(state, "Other", "the time it was sent").ShouldBeNull();
        state["Time"]!.Errors.Single().ErrorMessage.ShouldBe("Enter the time it was sent");
        state["Other"]!.Errors.Single().ErrorMessage.ShouldBe("The time it was sent must be a real time, like 9:30am or 14:30");
    }
}

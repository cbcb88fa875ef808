using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;
using Scr.Web.TagHelpers;

namespace Scr.Web.Tests.TagHelpers;

public class DateInputModelTests
{
    [Fact]
    public void ToDate_RealDate_ReturnsIt()
    {
        new DateInputModel { Day = 29, Month = 2, Year = 2024 }.ToDate().ShouldBe(new DateOnly(2024, 2, 29));
    }

    [Theory]
    [InlineData(null, 3, 2025)]
    [InlineData(1, null, 2025)]
    [InlineData(1, 3, null)]
    [InlineData(29, 2, 2025)]
    [InlineData(31, 4, 2025)]
    [InlineData(0, 3, 2025)]
    [InlineData(1, 13, 2025)]
    [InlineData(1, 3, 25)]
    [InlineData(1, 3, 10000)]
    public void ToDate_MissingPartOrNotARealDate_ReturnsNull(int? day, int? month, int? year)
    {
        new DateInputModel { Day = day, Month = month, Year = year }.ToDate().ShouldBeNull();
    }

    [Fact]
    public void From_Date_SetsParts()
    {
        var model = DateInputModel.From(new DateOnly(2025, 3, 7));

        (model.Day, model.Month, model.Year).ShouldBe((7, 3, 2025));
    }

    [Fact]
    public void From_Null_IsEmpty()
    {
        DateInputModel.From(null).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void DateInputModel_BoundByDateInputModelBinder()
    {
        typeof(DateInputModel).GetCustomAttribute<ModelBinderAttribute>()!.BinderType.ShouldBe(typeof(DateInputModelBinder));
    }

    [Fact]
    public async Task BindModelAsync_Numbers_BindsPartsWithoutErrors()
    {
        var context = Context(("Input.Date.Day", " 7 "), ("Input.Date.Month", "3"), ("Input.Date.Year", "2025"));

        await new DateInputModelBinder().BindModelAsync(context);

        var model = context.Result.Model.ShouldBeOfType<DateInputModel>();
        model.ToDate().ShouldBe(new DateOnly(2025, 3, 7));
        context.ModelState.ErrorCount.ShouldBe(0);
    }

    [Fact]
    public async Task BindModelAsync_NotANumber_LeavesPartNullAndKeepsWhatWasTyped()
    {
        var context = Context(("Input.Date.Day", "3x"), ("Input.Date.Month", ""), ("Input.Date.Year", "2025"));

        await new DateInputModelBinder().BindModelAsync(context);

        var model = context.Result.Model.ShouldBeOfType<DateInputModel>();
        (model.Day, model.Month, model.Year).ShouldBe((null, null, 2025));
        context.ModelState["Input.Date.Day"]!.AttemptedValue.ShouldBe("3x");
        context.ModelState.ErrorCount.ShouldBe(0);
    }

    [Fact]
    public async Task BindModelAsync_NothingPosted_DoesNotBind()
    {
        var context = Context(("Input.Other", "x"));

        await new DateInputModelBinder().BindModelAsync(context);

        context.Result.IsModelSet.ShouldBeFalse();
    }

    private static DefaultModelBindingContext Context(params (string Key, string Value)[] form)
    {
        var values = new FormCollection(form.ToDictionary(f => f.Key, f => new StringValues(f.Value)));
        return new DefaultModelBindingContext
        {
            ModelName = "Input.Date",
            ModelState = new ModelStateDictionary(),
            ValueProvider = new FormValueProvider(BindingSource.Form, values, CultureInfo.InvariantCulture),
        };
    }
}

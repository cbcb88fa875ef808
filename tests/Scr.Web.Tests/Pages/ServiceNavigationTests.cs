using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Scr.Web.Layout;

namespace Scr.Web.Tests.Pages;

public class ServiceNavigationTests
{
    [Theory]
    [InlineData("/cases", "/cases", ServiceNavigationState.Current)]
    [InlineData("/cases", "/Cases/", ServiceNavigationState.Current)]
    [InlineData("/cases", "/cases/12/terms", ServiceNavigationState.Active)]
    [InlineData("/cases", "/casework", ServiceNavigationState.None)]
    [InlineData("/cases", "/audit", ServiceNavigationState.None)]
    [InlineData("/", "/", ServiceNavigationState.Current)]
    [InlineData("/", "/cases", ServiceNavigationState.None)]
    [InlineData("/admin/users", "/admin/users/5", ServiceNavigationState.Active)]
    public void StateOf_RequestPath_ComparesWithItemPath(string href, string path, ServiceNavigationState expected)
    {
        ServiceNavigation.StateOf(new ServiceNavigationItem("Item", href), path).ShouldBe(expected);
    }

    [Fact]
    public void GetServiceNavigation_NothingSet_ReturnsNoItems()
    {
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary());

        viewData.GetServiceNavigation().ShouldBeEmpty();
    }

    [Fact]
    public void SetServiceNavigation_Items_ReturnedInOrder()
    {
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary());

        viewData.SetServiceNavigation([new("Cases", "/cases"), new("Audit log", "/audit")]);

        viewData.GetServiceNavigation().Select(i => i.Text).ShouldBe(["Cases", "Audit log"]);
    }
}

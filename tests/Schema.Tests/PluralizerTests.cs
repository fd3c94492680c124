using System.Linq;

namespace Amplify.DataStore.Schema.Tests;

public class PluralizerTests
{
    [TestCase("Comment", "Comments")]
    [TestCase("Child", "Children")]
    [TestCase("GrandChild", "GrandChildren")]
    [TestCase("Person", "People")]
    [TestCase("SalesPerson", "SalesPeople")]
    [TestCase("Category", "Categories")]
    [TestCase("Box", "Boxes")]
    [TestCase("Bus", "Buses")]
    [TestCase("Status", "Statuses")]
    [TestCase("Address", "Addresses")]
    [TestCase("Church", "Churches")]
    [TestCase("Dish", "Dishes")]
    [TestCase("Quiz", "Quizzes")]
    [TestCase("Day", "Days")]
    [TestCase("Key", "Keys")]
    [TestCase("Hero", "Heroes")]
    [TestCase("Photo", "Photos")]
    [TestCase("Leaf", "Leaves")]
    [TestCase("Wolf", "Wolves")]
    [TestCase("Knife", "Knives")]
    [TestCase("Roof", "Roofs")]
    [TestCase("Man", "Men")]
    [TestCase("Woman", "Women")]
    [TestCase("Human", "Humans")]
    [TestCase("Mouse", "Mice")]
    [TestCase("House", "Houses")]
    [TestCase("Index", "Indices")]
    [TestCase("Matrix", "Matrices")]
    [TestCase("Analysis", "Analyses")]
    [TestCase("Axis", "Axes")]
    [TestCase("Datum", "Data")]
    [TestCase("Criterion", "Criteria")]
    [TestCase("Menu", "Menus")]
    [TestCase("Settings", "Settings")]
    [TestCase("News", "News")]
    [TestCase("Equipment", "Equipment")]
    [TestCase("Series", "Series")]
    [TestCase("SSN", "SSNS")]
    [TestCase("C", "CS")]
    [TestCase("BlogPost", "BlogPosts")]
    [TestCase("todo", "todos")]
    [TestCase("", "")]
    public void Pluralize(string singular, string plural) => Assert.That(Pluralizer.Pluralize(singular), Is.EqualTo(plural));

    [Test]
    public void Default_index_names_use_the_plural()
    {
        var schema = SchemaAssert.Valid("type Person @model { id: ID! team: String @index(sortKeyFields: [\"id\"]) }\ntype C @model { id: ID! other: Int @index }");
        Assert.That(schema.Model("Person").PluralName, Is.EqualTo("People"));
        Assert.That(schema.Model("Person").Indexes.Single().Name, Is.EqualTo("peopleByTeamAndId"));
        Assert.That(schema.Model("C").Indexes.Single().Name, Is.EqualTo("cSByOther"), "matches modelgen for model C");
    }
}

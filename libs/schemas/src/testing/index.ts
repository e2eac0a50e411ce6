export { BRONZE_FIXTURES, bronzeFixtureBytes, bronzeFixturePath, type BronzeFixture } from './bronze-fixtures';

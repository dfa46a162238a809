"""The demo: a believable catalog of IKM from Cirebon, Cilegon and Indramayu, its pictures,
users and showroom, kept as data files (demo/data/) and built by loaders that go through the
same services as the site: the spreadsheet importer for products, onboarding for owners."""

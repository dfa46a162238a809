"""The buyers' side as services: the views, the admin and the demo data all go through these."""

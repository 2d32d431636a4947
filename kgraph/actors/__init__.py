"""Actors: the gazetteer of states and organisations, mention resolution, IRIs."""

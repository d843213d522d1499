// constructs/batch: export the public constructs of this area.
export {};

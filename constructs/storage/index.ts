// constructs/storage: export the public constructs of this area.
export {};

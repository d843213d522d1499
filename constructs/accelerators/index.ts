// constructs/accelerators: export the public constructs of this area.
export {};

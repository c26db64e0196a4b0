// Pure analyses over the model's records; each module documents its inputs and evidence.
export {};
